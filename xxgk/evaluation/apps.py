from django.apps import AppConfig


class EvaluationConfig(AppConfig):
    name = "xxgk.evaluation"
    label = "evaluation"
    verbose_name = "信息公开评议"
