"""``{% load personal_data %}``: the masks of xxgk.security.personal_data as filters."""

from django import template

from xxgk.security import personal_data

register = template.Library()
for _name in ("mask_id", "mask_phone", "mask_name", "mask_email"):
    register.filter(_name, getattr(personal_data, _name))
