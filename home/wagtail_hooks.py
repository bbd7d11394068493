from wagtail.snippets.models import register_snippet

from home.viewsets import SiteChromeViewSetGroup

register_snippet(SiteChromeViewSetGroup)
