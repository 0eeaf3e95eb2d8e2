import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from xxgk.cases.forms import AssignmentForm, text_field
from xxgk.security.public_forms import MultipleFileField, ProtectedForm
from xxgk.security.validators import validate_phone

from . import conf, fees, outcomes
from .models import (
    AppealKind,
    AppealResult,
    ApplicantType,
    Channel,
    DeliveryChoice,
    FeePolicy,
    IdType,
    MediumChoice,
)
from .schedules import BY_COUNT, BY_VOLUME, validate_pages
from .selectors import extension_approvers
from .validators import validate_credit_code, validate_resident_id

APPLICANT_FIELDS = [
    "applicant_type",
    "name",
    "contact_person",
    "id_type",
    "id_number",
    "phone",
    "email",
    "address",
    "postcode",
    "description",
    "medium",
    "delivery",
]


def apply_upload_limits(field: MultipleFileField) -> None:
    """The request workflow's upload limits, read from settings when the form is built."""
    field.extensions = conf.get("XXGK_REQUESTS_ATTACHMENT_TYPES")
    field.max_bytes = conf.get("XXGK_REQUESTS_ATTACHMENT_MAX_BYTES")
    field.max_count = conf.get("XXGK_REQUESTS_ATTACHMENT_MAX_COUNT")


class ApplicantForm(forms.Form):
    """The official application form (政府信息公开申请表), shared by the public and staff."""

    applicant_type = forms.ChoiceField(label=_("申请人类型"), choices=ApplicantType.choices)
    name = forms.CharField(label=_("姓名或单位名称"), max_length=100)
    contact_person = forms.CharField(
        label=_("联系人"), max_length=50, required=False, help_text=_("法人或其他组织须填写")
    )
    id_type = forms.ChoiceField(label=_("证件类型"), choices=IdType.choices)
    id_number = forms.CharField(label=_("证件号码"), max_length=40)
    phone = forms.CharField(label=_("联系电话"), max_length=30)
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    address = forms.CharField(label=_("通信地址"), max_length=200)
    postcode = forms.CharField(label=_("邮政编码"), max_length=6, required=False)
    description = forms.CharField(
        label=_("所需信息的内容描述"),
        min_length=5,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("请尽量写明信息的名称、文号或其他便于查询的特征描述。"),
    )
    medium = forms.ChoiceField(label=_("信息的指定提供载体形式"), choices=MediumChoice.choices)
    delivery = forms.ChoiceField(label=_("获取信息的方式"), choices=DeliveryChoice.choices)
    attachments = MultipleFileField(
        label=_("附件（可选）"),
        required=False,
        help_text=_(
            "可上传身份证明或补充材料：PDF、DOCX、XLSX、JPG、PNG，每个不超过 5 MB，最多 5 个。"
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ChoiceField):
                required = _("请选择%(field)s。")
            else:
                required = _("请填写%(field)s。")
            field.error_messages["required"] = required % {"field": field.label}
        apply_upload_limits(self.fields["attachments"])

    def clean_phone(self):
        return validate_phone(self.cleaned_data["phone"])

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if postcode and not re.fullmatch(r"\d{6}", postcode):
            raise ValidationError(_("邮政编码应为6位数字。"))
        return postcode

    def clean(self):
        data = super().clean()
        kind, id_type = data.get("applicant_type"), data.get("id_type")
        number = data.get("id_number")
        organisation = kind and kind != ApplicantType.CITIZEN
        if organisation and id_type not in (IdType.CREDIT_CODE, IdType.OTHER, None):
            self.add_error("id_type", _("法人或其他组织请选择统一社会信用代码或其他有效证件。"))
        if kind == ApplicantType.CITIZEN and id_type == IdType.CREDIT_CODE:
            self.add_error("id_type", _("自然人请选择个人证件类型。"))
        if organisation and not data.get("contact_person"):
            self.add_error("contact_person", _("法人或其他组织须填写联系人。"))
        if number:
            try:
                if id_type == IdType.RESIDENT:
                    data["id_number"] = validate_resident_id(number)
                elif id_type == IdType.CREDIT_CODE:
                    data["id_number"] = validate_credit_code(number)
            except ValidationError as error:
                self.add_error("id_number", error)
        wants_email = DeliveryChoice.EMAIL in (data.get("delivery"), data.get("medium"))
        if wants_email and not data.get("email"):
            self.add_error("email", _("选择以电子邮件获取信息时，请填写电子邮箱。"))
        return data

    def application_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in APPLICANT_FIELDS}


class PublicApplicationForm(ProtectedForm, ApplicantForm):
    """The public form: the mailbox's honeypot and single-use question (ProtectedForm,
    rendered by security/protection.html), a one-time token against double submission."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=64, min_length=16)
    consent = forms.BooleanField(
        label=_("我确认所填信息真实有效，同意学校为办理本申请使用上述个人信息。"), required=True
    )


class StaffApplicationForm(ApplicantForm):
    channel = forms.ChoiceField(
        label=_("申请渠道"), choices=[c for c in Channel.choices if c[0] != Channel.ONLINE]
    )
    received_on = forms.DateField(
        label=_("收到日期"), widget=forms.DateInput(attrs={"type": "date"})
    )

    field_order = ["channel", "received_on"]

    def clean_received_on(self):
        day = self.cleaned_data["received_on"]
        if day > timezone.localdate():
            raise ValidationError(_("收到日期不能晚于今天。"))
        return day


class TrackForm(forms.Form):
    number = forms.CharField(label=_("申请编号"), max_length=20)
    code = forms.CharField(label=_("查询码"), max_length=20)


# --- staff actions on a case ---------------------------------------------------------------

_date_widget = forms.DateInput(attrs={"type": "date"})


class NoteForm(forms.Form):
    note = text_field(_("说明"), rows=2, required=False)


class WithdrawForm(forms.Form):
    note = text_field(_("撤回情况说明"), rows=2)


class CorrectionForm(forms.Form):
    items = text_field(_("需补正的内容"))
    due = forms.DateField(
        label=_("补正期限"),
        required=False,
        widget=_date_widget,
        help_text=_("留空则按默认期限计算"),
    )


class ReceiveCorrectionForm(forms.Form):
    received_on = forms.DateField(label=_("收到补正材料日期"), widget=_date_widget)
    note = forms.CharField(label=_("说明"), required=False)


class AssignForm(AssignmentForm):
    """The department, then one of its handlers (``xxgk.orgs.selectors.assignable_handlers``)."""


class ConsultationForm(forms.Form):
    third_party = forms.CharField(label=_("第三方名称"), max_length=200)
    matter = text_field(_("征询事项"))


class EndConsultationForm(forms.Form):
    ended_on = forms.DateField(label=_("收到意见日期"), widget=_date_widget)
    opinion = text_field(_("第三方意见"))


class ExtensionForm(forms.Form):
    approved_by = forms.ModelChoiceField(label=_("批准人（信息公开办公室负责人）"), queryset=None)
    days = forms.IntegerField(label=_("延期工作日"), min_value=1)
    reason = text_field(_("延期理由"), rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_by"].queryset = extension_approvers()
        self.fields["days"].max_value = conf.get("XXGK_REQUESTS_EXTENSION_DAYS")
        self.fields["days"].initial = conf.get("XXGK_REQUESTS_EXTENSION_DAYS")


class AnswerForm(forms.Form):
    outcome = forms.ChoiceField(label=_("办理结果"), choices=outcomes.CHOICES)
    reply_text = text_field(_("答复内容"), rows=5)
    reason = text_field(_("理由"), required=False, help_text=_("除“予以公开”外均须写明理由"))
    released = MultipleFileField(label=_("提供的信息（附件）"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        apply_upload_limits(self.fields["released"])


class FeeForm(forms.Form):
    """The fee notice: the method the policy allows, the pages if charged by volume.

    Counts are checked by the calculator's own rule (schedules.validate_pages), so the form and
    ``manage.py request_fee`` refuse zero, negative and absurd numbers with the same words.
    """

    method = forms.ChoiceField(label=_("计收方式"), choices=())
    pages = forms.IntegerField(
        label=_("页数"),
        required=False,
        error_messages={"invalid": _("页数须为整数。")},
        help_text=_("按量计收或成本费：答复提供的信息共多少页。"),
    )
    mailed = forms.BooleanField(label=_("邮寄"), required=False)
    on = forms.DateField(
        label=_("收费通知日期"),
        required=False,
        widget=_date_widget,
        help_text=_("留空为今天；缴费期间从这一天起算。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if fees.policy() == FeePolicy.COST:
            self.fields["method"].choices = [(BY_VOLUME, _("检索、复制、邮寄成本费（按页数）"))]
        else:
            self.fields["method"].choices = [
                (BY_COUNT, _("信息处理费：按件计收（同一申请人本自然月累计件数）")),
                (BY_VOLUME, _("信息处理费：按量计收（答复提供的页数）")),
            ]

    def clean(self):
        data = super().clean()
        if data.get("method") == BY_VOLUME and "pages" not in self.errors:
            if data.get("pages") is None:
                self.add_error("pages", _("按量计收请填写页数。"))
            else:
                try:
                    data["pages"] = validate_pages(data["pages"])
                except ValidationError as error:
                    self.add_error("pages", error)
        return data


class WaiverForm(forms.Form):
    fee = forms.IntegerField(widget=forms.HiddenInput)
    amount = forms.DecimalField(label=_("减免金额（元）"), max_digits=10, decimal_places=2)
    reason = forms.CharField(label=_("减免理由"))


class PaymentForm(forms.Form):
    fee = forms.IntegerField(widget=forms.HiddenInput)
    paid_on = forms.DateField(label=_("缴费日期"), widget=_date_widget)


class AppealForm(forms.Form):
    kind = forms.ChoiceField(label=_("类型"), choices=AppealKind.choices)
    filed_on = forms.DateField(label=_("申请/起诉日期"), widget=_date_widget)
    note = forms.CharField(label=_("说明"), required=False)


class AppealDecisionForm(forms.Form):
    appeal = forms.IntegerField(widget=forms.HiddenInput)
    result = forms.ChoiceField(
        label=_("结果"), choices=[c for c in AppealResult.choices if c[0] != AppealResult.PENDING]
    )
    decided_on = forms.DateField(label=_("审结日期"), widget=_date_widget)
