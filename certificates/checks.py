"""System checks: a site that cannot sign certificates must not start, like one without SECRET_KEY."""

from django.core.checks import Error, register

from certificates.keys import SigningKeyError, signing_keys


@register()
def signing_keys_configured(app_configs, **kwargs):
    try:
        signing_keys()
    except SigningKeyError as error:
        return [
            Error(
                str(error),
                hint="Set CERTIFICATE_SIGNING_KEYS to a base64url Ed25519 seed "
                '(python -c "from certificates.keys import signing_key_new; print(signing_key_new())").',
                id="certificates.E001",
            )
        ]
    return []
