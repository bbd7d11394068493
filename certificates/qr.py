"""A QR code as inline SVG: drawn on the server, no script, no style attribute (the site's CSP allows neither)."""

import qrcode
from django.utils.html import format_html
from django.utils.safestring import SafeString


def qr_svg(text: str, *, label: str, size: int = 192) -> SafeString:
    """An accessible SVG (role img, its label as the title) of the QR code of `text`; the quiet zone included."""
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    # One path of unit squares: small, and free of the id and mm sizes qrcode's own SVG writes.
    path = "".join(f"M{x},{y}h1v1h-1z" for y, row in enumerate(matrix) for x, dark in enumerate(row) if dark)
    width = len(matrix)
    return format_html(
        '<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" role="img" width="{size}" height="{size}"'
        ' viewBox="0 0 {width} {width}" shape-rendering="crispEdges"><title>{label}</title>'
        '<rect width="{width}" height="{width}" fill="#fff"/><path fill="#000" d="{path}"/></svg>',
        size=size,
        width=width,
        label=label,
        path=path,
    )
