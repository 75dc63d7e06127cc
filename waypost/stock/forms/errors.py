"""A service's refusal put where the person will see it: on the field, the line, or the form."""

from collections.abc import Sequence

from django import forms
from django.core.exceptions import ValidationError


def add_service_errors(
    form: forms.Form, refused: ValidationError, lines: Sequence[forms.Form] = ()
) -> None:
    """`lines.2` goes to the third line's form, a known field to that field, the rest on top."""
    if not hasattr(refused, "error_dict"):
        form.add_error(None, refused)
        return
    for name, messages in refused.message_dict.items():
        prefix, _dot, index = name.partition(".")
        if prefix == "lines" and index.isdigit() and int(index) < len(lines):
            lines[int(index)].add_error(None, messages)
        elif name in form.fields:
            form.add_error(name, messages)
        else:
            form.add_error(None, messages)
