"""The site on two app servers sharing one database, one Redis and one S3 bucket (issue 16).

What a learner or an editor must not notice when a load balancer sends each request to either
machine: a session started on one is valid on the other, a rate limit counts requests on both,
a page cached by one is served by the other and a publish makes it fresh on both, and uploaded
media live in the bucket, where any machine reads them and writes their renditions.
"""

import re
import urllib.parse

import pytest
import requests
from django.urls import reverse

from courses.services import enrollment_create
from tests.builders import PASSWORD, make_course, make_course_index, make_home, make_image, make_learner

pytestmark = [pytest.mark.transactional, pytest.mark.timeout(600)]

LOGIN = "/accounts/login/"
TOO_MANY = "Too many failed login attempts"
HOST = "academy.test"  # a load balancer passes the public host to every machine


def errors(html: str) -> list[str]:
    return re.findall(r'class="[^"]*error[^"]*"[^>]*>(.*?)<', html, re.S)


def login_form(client: requests.Session, base: str, email: str, password: str) -> requests.Response:
    """Post allauth's log-in form on `base` as a browser would (CSRF cookie, token and Referer)."""
    client.headers["Host"] = HOST
    page = client.get(base + LOGIN, timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)
    assert token, f"no CSRF token on {base}{LOGIN}"
    return client.post(
        base + LOGIN,
        data={"csrfmiddlewaretoken": token[1], "login": email, "password": password},
        headers={"Referer": f"http://{HOST}{LOGIN}"},
        timeout=30,
        allow_redirects=False,
    )


def test_a_session_started_on_one_machine_is_valid_on_the_other(machines):
    home = make_home()
    learner = make_learner()
    enrollment_create(user=learner, course=make_course(make_course_index(home), title="Price your products"))
    browser = requests.Session()

    answer = login_form(browser, machines["a"], learner.email, PASSWORD)
    assert answer.status_code == 302, answer.text[:500]

    dashboard = browser.get(machines["b"] + reverse("home:dashboard"), timeout=30, allow_redirects=False)
    assert dashboard.status_code == 200
    assert "Price your products" in dashboard.text  # the learner's own course, in "In progress"

    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', dashboard.text)[1]
    browser.post(
        machines["b"] + reverse("account_logout"),
        data={"csrfmiddlewaretoken": token},
        headers={"Referer": f"http://{HOST}" + reverse("home:dashboard")},
        timeout=30,
    )
    after = browser.get(machines["a"] + reverse("home:dashboard"), timeout=30, allow_redirects=False)
    assert after.status_code == 302  # logged out on b, so logged out on a
    assert LOGIN in after.headers["Location"]


def test_failed_log_ins_on_both_machines_count_against_one_limit(machines):
    make_home()
    learner = make_learner()

    # allauth allows 5 failed log-ins per account in 5 minutes: 3 on a and 2 on b use them up.
    for base in ("a", "b", "a", "b", "a"):
        answer = login_form(requests.Session(), machines[base], learner.email, "not-the-password")
        assert answer.status_code == 200
        assert TOO_MANY not in answer.text
        assert errors(answer.text), answer.text  # the form says the password is wrong

    refused = login_form(requests.Session(), machines["b"], learner.email, PASSWORD)
    assert refused.status_code == 200, refused.headers  # the form again, even with the right password
    assert TOO_MANY in refused.text


def test_a_page_cached_by_one_machine_is_served_by_the_other_and_a_publish_refreshes_both(machines, shared_services):
    home = make_home()
    course = make_course(make_course_index(home), title="Keep a cash book")
    url = course.url

    first = requests.get(machines["a"] + url, headers={"Host": HOST}, timeout=30)
    assert first.headers["X-Cache"] == "miss"
    second = requests.get(machines["b"] + url, headers={"Host": HOST}, timeout=30)
    assert second.headers["X-Cache"] == "hit"  # stored by a, served by b from Redis
    assert "Keep a cash book" in second.text

    # An editor (this process, on the same Redis) publishes a new title.
    course.title = "Keep a cash book every day"
    course.save_revision().publish()

    for base in ("b", "a"):
        fresh = requests.get(machines[base] + url, headers={"Host": HOST}, timeout=30)
        assert "Keep a cash book every day" in fresh.text, base
    assert requests.get(machines["b"] + url, headers={"Host": HOST}, timeout=30).headers["X-Cache"] == "hit"


def test_media_live_in_the_bucket_where_every_machine_reads_them(machines, shared_services, s3):
    import boto3

    home = make_home()
    image = make_image("Market stall")  # saved through the default storage: the bucket
    course = make_course(make_course_index(home), title="Sell at the market", cover_image=image)

    bucket = boto3.client("s3", endpoint_url=s3["endpoint"], aws_access_key_id=s3["aws_access_key_id"],
                          aws_secret_access_key=s3["aws_secret_access_key"], region_name=s3["region_name"])  # fmt: skip
    keys = {item["Key"] for item in bucket.list_objects_v2(Bucket="media").get("Contents", [])}
    assert image.file.name in keys  # the original went to the bucket, not to a local folder

    page = requests.get(machines["b"] + course.url, timeout=30)
    assert page.status_code == 200
    sources = re.findall(r'<img[^>]+src="([^"]+)"', page.text)
    renditions = [src for src in sources if src.startswith(s3["endpoint"])]
    assert renditions, f"no image served from the bucket on {course.url}: {sources}"

    # The bucket is private here (as a deployment's may be behind a CDN): read it with credentials.
    key = urllib.parse.urlsplit(renditions[0]).path.split("/media/", 1)[1]
    made_by_b = {item["Key"] for item in bucket.list_objects_v2(Bucket="media").get("Contents", [])} - keys
    assert key in made_by_b  # b made the rendition from the original it read in the bucket
    picture = bucket.get_object(Bucket="media", Key=key)["Body"].read()
    assert picture[:4] == b"RIFF" and picture[8:12] == b"WEBP"
