from django.http import HttpRequest


def permissions(request: HttpRequest) -> dict[str, object]:
    """`can` in every template: the permissions of the signed-in user."""
    user = getattr(request, "user", None)
    granted = user.granted_permissions if user is not None and user.is_authenticated else set()
    return {"can": granted}
