from django import forms
from django.utils.translation import gettext_lazy as _

from xxgk.cases.forms import MESSAGE_MAX, AssignmentForm, PublicCaseForm, text_field
from xxgk.security.public_forms import MultipleFileField

from .models import Letter, LetterStatus, MailboxCategory


class LetterForm(PublicCaseForm):
    """The public letter form; its rules come from the mailbox being written to."""

    message_label = _("来信内容")
    email_help = _("填写后，答复将通过邮件通知您。")
    field_order = ["category", "writer_name", "phone", "email", "subject", "message"]

    category = forms.ModelChoiceField(
        queryset=MailboxCategory.objects.none(), label=_("类别"), empty_label=_("请选择类别")
    )
    writer_name = forms.CharField(label=_("姓名"), max_length=50, required=False)
    attachments = MultipleFileField(
        label=_("附件"),
        required=False,
        help_text=_(
            "最多 3 个，每个不超过 5 MB；支持 PDF、Word（docx）、Excel（xlsx）、JPG、PNG。"
        ),
    )
    consent_to_publish = forms.BooleanField(
        label=_("同意在去除个人信息后公开本来信及答复"), required=False
    )

    def __init__(self, *args, mailbox, **kwargs):
        super().__init__(*args, **kwargs)
        self.mailbox = mailbox
        categories = mailbox.categories.all()
        self.fields["category"].queryset = categories
        if not categories.exists():
            del self.fields["category"]
        if not mailbox.allow_anonymous:
            self.fields["writer_name"].required = True
        if not mailbox.allow_publication:
            del self.fields["consent_to_publish"]
        self.fields["writer_name"].error_messages["required"] = _("请填写姓名。")

    def clean(self):
        cleaned = super().clean()
        named = bool(cleaned.get("writer_name"))
        if (named or not self.mailbox.allow_anonymous) and not (
            cleaned.get("phone") or cleaned.get("email")
        ):
            self.add_error("phone", _("请至少填写联系电话或电子邮箱中的一项。"))
        return cleaned


class LetterActionForm(forms.Form):
    """A handling step's form; knows the letter it acts on."""

    def __init__(self, *args, letter: Letter, **kwargs):
        super().__init__(*args, **kwargs)
        self.letter = letter


class AssignForm(LetterActionForm, AssignmentForm):
    """A letter goes to a department, which answers it; the office may also name one of the
    department's handlers (``xxgk.orgs.selectors.assignable_handlers``)."""

    handler_required = False
    field_order = ["department", "handler", "working_days", "note"]

    working_days = forms.IntegerField(label=_("办理时限（工作日）"), min_value=1, max_value=60)
    note = text_field(_("分办意见"), required=False)


class MergeForm(LetterActionForm):
    target_number = forms.CharField(label=_("合并至来信编号"), max_length=24)
    note = forms.CharField(label=_("说明"), required=False, max_length=200)

    def clean_target_number(self):
        number = self.cleaned_data["target_number"].strip().upper()
        target = Letter.objects.filter(number=number).exclude(pk=self.letter.pk).first()
        if target is None:
            raise forms.ValidationError(_("未找到该编号的来信。"))
        if target.status == LetterStatus.CLOSED:
            raise forms.ValidationError(_("不能合并到已关闭的来信。"))
        self.target = target
        return number


class CloseForm(LetterActionForm):
    reason = forms.CharField(label=_("关闭原因"), max_length=200)


class AnswerForm(LetterActionForm):
    answer = text_field(_("答复内容"), rows=10, max_length=MESSAGE_MAX)


class ReturnForm(LetterActionForm):
    note = text_field(_("退回意见"), max_length=500)


class PublishForm(LetterActionForm):
    """The office edits out personal details before anything is shown on the portal."""

    public_subject = forms.CharField(label=_("公开标题"), max_length=100)
    public_message = text_field(_("公开来信内容（已去除个人信息）"), rows=8)
    public_answer = text_field(_("公开答复内容"), rows=8)
    confirm_redacted = forms.BooleanField(
        label=_("我已核对，公开内容不含姓名、电话、邮箱、学号等个人信息"),
        error_messages={"required": _("请确认已去除个人信息。")},
    )
