from django import forms
from django.utils.translation import gettext_lazy as _

from .imports import SPECS


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("数据类型"), choices=[(k, s.label) for k, s in SPECS.items()])
    file = forms.FileField(label=_("文件（CSV 或 XLSX）"))
    dry_run = forms.BooleanField(label=_("试运行（只检查，不写入）"), required=False, initial=True)

    MAX_BYTES = 10 * 1024 * 1024

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > self.MAX_BYTES:
            raise forms.ValidationError(_("文件不能超过 10 MB。"))
        return upload
