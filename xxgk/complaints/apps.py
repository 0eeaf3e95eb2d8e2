from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "xxgk.complaints"
    label = "complaints"
    verbose_name = "信息公开工作举报"
