from wagtail import hooks
from wagtail.permissions import register_permission_policy

from opportunities.models import Opportunity
from opportunities.viewsets import OPPORTUNITY_PERMISSION_POLICY, MemberStandingViewSet, OpportunityViewSet

register_permission_policy(Opportunity, OPPORTUNITY_PERMISSION_POLICY)


@hooks.register("register_admin_viewset")
def register_opportunity_viewset():
    return OpportunityViewSet("opportunity")


@hooks.register("register_admin_viewset")
def register_member_standing_viewset():
    return MemberStandingViewSet("opportunity_standing")
