"""Form parts every kind of case written on the public site shares: contacts, subject and
message with the same limits and wording, and the tracker's number + query code."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from xxgk.orgs.selectors import (
    active_departments,
    assignable_departments,
    assignable_handlers,
    handler_label,
    user_department,
)
from xxgk.orgs.services import check_assignable
from xxgk.security.public_forms import ProtectedForm
from xxgk.security.validators import validate_phone

MESSAGE_MAX = 5000


def text_field(label, *, rows: int = 3, **options) -> forms.CharField:
    """A multi-line text of a staff form (a note, a reason, an answer)."""
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **options)


class HandlerSelect(forms.Select):
    """The list of handlers. Each option names its department (``data-department``), so that
    ``cases/assign-handler.js`` narrows the list to the department chosen in the field named
    by ``data-handler-of``; without script the whole list shows and the form checks the
    pair."""

    class Media:
        js = ["cases/assign-handler.js"]

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        department = user_department(value.instance) if hasattr(value, "instance") else None
        if department is not None:
            option["attrs"]["data-department"] = str(department.pk)
        return option


class HandlerField(forms.ModelChoiceField):
    """A case's handler: only who may be assigned (``orgs.selectors.assignable_handlers``),
    shown as "姓名（部门）"."""

    widget = HandlerSelect

    def __init__(self, **options):
        options.setdefault("label", _("承办人"))
        options.setdefault(
            "error_messages",
            {"invalid_choice": _("请从所选部门的承办人中选择。")},
        )
        super().__init__(queryset=assignable_handlers(), **options)

    def label_from_instance(self, obj):
        return handler_label(obj)


class AssignmentForm(forms.Form):
    """The department a case goes to and the handler in it. With ``handler_required``
    (requests) only departments that have a handler are offered; without (letters, which a
    department answers) every active department, and the handler may stay empty. A handler
    of another department is refused here, and again by the service (``check_assignable``)."""

    handler_required = True

    department = forms.ModelChoiceField(queryset=active_departments(), label=_("承办部门"))
    handler = HandlerField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.handler_required:
            self.fields["department"].queryset = assignable_departments()
        else:
            self.fields["department"].queryset = active_departments()
        self.fields["handler"].queryset = assignable_handlers()
        self.fields["handler"].required = self.handler_required
        # The script finds the department list by its name in the same form.
        self.fields["handler"].widget.attrs["data-handler-of"] = self.add_prefix("department")

    def clean(self):
        data = super().clean()
        department, handler = data.get("department"), data.get("handler")
        if department is not None and handler is not None:
            try:
                check_assignable(handler, department)
            except ValidationError as error:
                self.add_error("handler", error)
        return data


class PublicCaseForm(ProtectedForm):
    """A subclass names its message (`message_label`) and says what the e-mail is for
    (`email_help`); the error messages follow the names. `field_order` puts its own fields."""

    message_label = _("内容")
    message_rows = 10
    message_help = ""
    email_help = ""

    phone = forms.CharField(label=_("联系电话"), max_length=30, required=False)
    email = forms.EmailField(label=_("电子邮箱"), required=False)
    subject = forms.CharField(label=_("标题"), max_length=100)
    message = forms.CharField(
        min_length=10, max_length=MESSAGE_MAX, widget=forms.Textarea(attrs={"rows": 10})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].help_text = self.email_help
        message = self.fields["message"]
        message.label = label = self.message_label
        message.help_text = self.message_help
        message.widget.attrs["rows"] = self.message_rows
        self.fields["subject"].error_messages["required"] = gettext("请填写标题。")
        too_long = gettext("{label}不能超过 %(limit_value)d 个字（当前 %(show_value)d 个）。")
        message.error_messages.update(
            required=gettext("请填写{label}。").format(label=label),
            min_length=gettext("{label}至少 %(limit_value)d 个字。").format(label=label),
            max_length=too_long.format(label=label),
        )

    def clean_phone(self):
        phone = self.cleaned_data["phone"]
        return validate_phone(phone) if phone else ""


class TrackForm(forms.Form):
    number = forms.CharField(
        label=_("编号"), max_length=24, error_messages={"required": _("请填写编号。")}
    )
    code = forms.CharField(
        label=_("查询码"), max_length=16, error_messages={"required": _("请填写查询码。")}
    )

    def clean_number(self):
        return self.cleaned_data["number"].strip().upper()
