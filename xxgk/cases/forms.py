"""Form parts every kind of case written on the public site shares: contacts, subject and
message with the same limits and wording, and the tracker's number + query code."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from xxgk.security.public_forms import ProtectedForm
from xxgk.security.validators import validate_phone

MESSAGE_MAX = 5000


def text_field(label, *, rows: int = 3, **options) -> forms.CharField:
    """A multi-line text of a staff form (a note, a reason, an answer)."""
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **options)


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
