"""Demo pictures drawn with Pillow (shapes and Pillow's built-in font), stored as Wagtail images."""

import io
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

from home.demo import DemoRun

COLLECTION_NAME = "Demo content"

INK = (33, 37, 41)
PAPER = (255, 252, 245)
SKY = (205, 230, 244)
SUN = (255, 196, 61)
GROUND = (222, 196, 150)
TEAL = (0, 122, 122)
CORAL = (232, 93, 71)
NAVY = (30, 58, 110)
GREEN = (46, 125, 50)
PLUM = (142, 36, 110)
SAND = (244, 226, 190)
GREY = (200, 204, 208)
WHITE = (255, 255, 255)


@dataclass(frozen=True)
class ImageSpec:
    """A picture the demo needs: its title (how it is found again), alt text, file name and painter."""

    key: str
    title: str
    description: str
    filename: str
    draw: Callable[[], PillowImage.Image]  # saved as PNG if filename ends in .png, else JPEG


def _font(size):
    # Pillow's built-in scalable font: nothing to download, the same on every machine.
    return ImageFont.load_default(size=size)


def draw_hero():
    """A market stall with a striped awning beside a small workshop, under a morning sun."""
    image = PillowImage.new("RGB", (1280, 720), SKY)
    d = ImageDraw.Draw(image)
    d.ellipse((1040, 60, 1180, 200), fill=SUN)
    for x, y, w in [(120, 110, 180), (700, 70, 220), (880, 170, 140)]:  # clouds
        d.rounded_rectangle((x, y, x + w, y + 44), radius=22, fill=WHITE)
        d.ellipse((x + w * 0.25, y - 26, x + w * 0.65, y + 30), fill=WHITE)
    d.rectangle((0, 560, 1280, 720), fill=GROUND)
    d.rectangle((0, 600, 1280, 608), fill=(205, 176, 128))

    # The workshop: walls, roof, open door with a workbench, a sign over the door.
    d.rectangle((720, 300, 1180, 580), fill=(250, 240, 222))
    d.polygon([(690, 310), (950, 170), (1210, 310)], fill=CORAL)
    d.rectangle((780, 390, 940, 580), fill=(92, 64, 51))
    d.rectangle((800, 470, 920, 490), fill=(196, 140, 84))  # workbench top
    for x in (808, 904):
        d.rectangle((x, 490, x + 8, 580), fill=(196, 140, 84))
    d.rectangle((990, 380, 1130, 480), fill=SKY, outline=INK, width=6)
    d.line((1060, 380, 1060, 480), fill=INK, width=6)
    d.rounded_rectangle((790, 320, 930, 370), radius=8, fill=TEAL)
    d.text((860, 345), "WORKSHOP", fill=WHITE, font=_font(22), anchor="mm")
    for i, colour in enumerate([NAVY, GREEN, SUN]):  # tools on the wall
        d.rounded_rectangle((990 + i * 48, 510, 1020 + i * 48, 560), radius=6, fill=colour)

    # The stall: posts, striped awning, counter and goods.
    for x in (120, 580):
        d.rectangle((x, 300, x + 16, 580), fill=(120, 85, 60))
    stripes = 8
    width = (620 - 100) / stripes
    for i in range(stripes):
        colour = CORAL if i % 2 == 0 else PAPER
        left = 100 + i * width
        d.rectangle((left, 260, left + width, 330), fill=colour)
        d.pieslice((left, 300, left + width, 360), 0, 180, fill=colour)
    d.rectangle((110, 440, 610, 470), fill=(160, 110, 70))
    d.rectangle((130, 470, 590, 580), fill=(196, 140, 84))
    for i in range(4):
        d.rectangle((150 + i * 110, 490, 240 + i * 110, 560), outline=(160, 110, 70), width=5)
    goods = [(150, SUN), (215, GREEN), (410, NAVY), (475, GREEN)]
    for x, colour in goods:
        d.ellipse((x - 26, 392, x + 26, 444), fill=colour)
    d.polygon([(520, 380), (560, 380), (575, 440), (505, 440)], fill=TEAL)  # a pot

    # The owner behind the counter, checking a phone.
    d.ellipse((300, 330, 350, 380), fill=(141, 85, 36))
    d.rounded_rectangle((285, 382, 365, 445), radius=20, fill=NAVY)
    d.rounded_rectangle((352, 372, 378, 414), radius=5, fill=INK)
    d.rectangle((356, 378, 374, 406), fill=(120, 200, 220))
    return image


def draw_phone_lesson():
    """A phone showing a lesson: title, progress bar, lines of text and a 'done' button."""
    image = PillowImage.new("RGB", (1200, 675), SAND)
    d = ImageDraw.Draw(image)
    for i in range(6):  # soft background circles
        d.ellipse((60 + i * 190, 520 - (i % 2) * 60, 220 + i * 190, 680 - (i % 2) * 60), fill=(238, 214, 170))
    d.rounded_rectangle((450, 40, 750, 640), radius=40, fill=INK)
    d.rounded_rectangle((468, 90, 732, 590), radius=12, fill=WHITE)
    d.rounded_rectangle((560, 60, 640, 72), radius=6, fill=(70, 74, 80))
    d.text((488, 110), "Lesson 3 of 8", fill=TEAL, font=_font(20))
    d.text((488, 140), "Pricing your work", fill=INK, font=_font(26))
    d.rounded_rectangle((488, 184, 712, 198), radius=7, fill=GREY)
    d.rounded_rectangle((488, 184, 572, 198), radius=7, fill=TEAL)
    for row, width in enumerate([220, 200, 224, 150, 0, 210, 224, 180, 120]):
        if width:
            y = 225 + row * 28
            d.rounded_rectangle((488, y, 488 + width, y + 12), radius=6, fill=GREY)
    d.rounded_rectangle((488, 500, 712, 556), radius=28, fill=TEAL)
    d.text((600, 528), "Mark as done", fill=WHITE, font=_font(22), anchor="mm")

    # A tick and a small "saved" note beside the phone.
    d.ellipse((800, 200, 960, 360), fill=GREEN)
    d.line([(835, 282), (870, 318), (930, 245)], fill=WHITE, width=16, joint="curve")
    d.text((880, 400), "Progress saved", fill=INK, font=_font(30), anchor="mm")
    d.rounded_rectangle((180, 230, 380, 330), radius=16, fill=WHITE)
    d.text((280, 262), "10 min", fill=INK, font=_font(34), anchor="mm")
    d.text((280, 302), "per lesson", fill=(90, 94, 100), font=_font(20), anchor="mm")
    return image


def draw_certificate():
    """A certificate with a seal and a verification code, and a tick confirming it is genuine."""
    image = PillowImage.new("RGB", (1200, 675), (226, 238, 236))
    d = ImageDraw.Draw(image)
    d.rectangle((150, 70, 830, 610), fill=PAPER, outline=NAVY, width=8)
    d.rectangle((172, 92, 808, 588), outline=(190, 170, 120), width=3)
    d.text((490, 150), "CERTIFICATE", fill=NAVY, font=_font(44), anchor="mm")
    d.text((490, 200), "of course completion", fill=(90, 94, 100), font=_font(24), anchor="mm")
    d.text((490, 270), "Keeping simple accounts", fill=INK, font=_font(32), anchor="mm")
    d.line((300, 330, 680, 330), fill=GREY, width=3)
    d.line((300, 380, 680, 380), fill=GREY, width=3)
    d.ellipse((220, 440, 340, 560), fill=CORAL)
    d.ellipse((240, 460, 320, 540), outline=PAPER, width=4)
    d.text((530, 480), "Verification code", fill=(90, 94, 100), font=_font(20), anchor="mm")
    d.text((530, 520), "K7QD-2M9X", fill=INK, font=_font(36), anchor="mm")

    # A small code grid and a magnifier checking it.
    rng = random.Random(7)  # a fixed seed: the same picture on every machine
    for row in range(7):
        for col in range(7):
            if rng.random() > 0.45 or row in (0, 6) or col in (0, 6):
                d.rectangle((700 + col * 12, 430 + row * 12, 711 + col * 12, 441 + row * 12), fill=INK)
    d.ellipse((880, 180, 1080, 380), fill=WHITE, outline=NAVY, width=14)
    d.line((1050, 350, 1130, 450), fill=NAVY, width=26)
    d.line([(925, 285), (965, 325), (1035, 240)], fill=GREEN, width=18, joint="curve")
    return image


def draw_partner_network():
    """The academy in the middle, linked to partner universities around it."""
    image = PillowImage.new("RGB", (1200, 675), (236, 242, 250))
    d = ImageDraw.Draw(image)
    centre = (600, 338)
    partners = [((230, 160), NAVY), ((970, 150), GREEN), ((220, 520), TEAL), ((980, 530), PLUM)]
    for (x, y), _colour in partners:
        d.line((centre, (x, y)), fill=GREY, width=10)
    for (x, y), colour in partners:
        d.ellipse((x - 80, y - 80, x + 80, y + 80), fill=colour)
        d.polygon([(x - 44, y - 8), (x, y - 40), (x + 44, y - 8)], fill=WHITE)  # a campus roof
        for col in range(4):
            d.rectangle((x - 38 + col * 22, y - 4, x - 28 + col * 22, y + 36), fill=WHITE)
        d.rectangle((x - 46, y + 38, x + 46, y + 46), fill=WHITE)
    d.ellipse((centre[0] - 120, centre[1] - 120, centre[0] + 120, centre[1] + 120), fill=CORAL)
    d.text((centre[0], centre[1] - 18), "SME", fill=WHITE, font=_font(54), anchor="mm")
    d.text((centre[0], centre[1] + 36), "Academy", fill=WHITE, font=_font(34), anchor="mm")
    for i in range(9):  # learners along the bottom edge
        x = 410 + i * 48
        d.ellipse((x - 12, 560, x + 12, 584), fill=INK)
        d.rounded_rectangle((x - 18, 588, x + 18, 630), radius=10, fill=INK)
    return image


def draw_team_table():
    """Five people around a table with a laptop, papers and tea: the editorial team at work."""
    image = PillowImage.new("RGB", (1200, 675), (250, 238, 226))
    d = ImageDraw.Draw(image)
    d.rectangle((0, 500, 1200, 675), fill=(214, 190, 160))
    d.rounded_rectangle((80, 60, 420, 280), radius=12, fill=WHITE, outline=GREY, width=4)  # a wall chart
    for i, height in enumerate([60, 100, 80, 140, 170]):
        d.rectangle((120 + i * 58, 250 - height, 160 + i * 58, 250), fill=[TEAL, NAVY, GREEN, CORAL, SUN][i])
    people = [(330, NAVY, (141, 85, 36)), (480, CORAL, (224, 172, 105)), (630, GREEN, (92, 58, 33)),
              (780, PLUM, (198, 134, 66)), (930, TEAL, (241, 194, 125))]
    for x, shirt, skin in people:
        d.ellipse((x - 40, 250, x + 40, 330), fill=skin)
        d.rounded_rectangle((x - 62, 335, x + 62, 470), radius=40, fill=shirt)
    d.rounded_rectangle((220, 440, 1040, 480), radius=10, fill=(160, 110, 70))
    d.rectangle((260, 480, 280, 600), fill=(120, 85, 60))
    d.rectangle((980, 480, 1000, 600), fill=(120, 85, 60))
    d.polygon([(540, 440), (560, 380), (680, 380), (700, 440)], fill=(70, 74, 80))  # laptop
    d.rectangle((350, 426, 430, 440), fill=WHITE)
    d.rectangle((360, 416, 440, 430), fill=(240, 240, 240))
    d.rounded_rectangle((820, 400, 860, 440), radius=6, fill=WHITE)  # a cup of tea
    d.arc((850, 408, 876, 430), 270, 90, fill=WHITE, width=5)
    return image


def draw_logo(initials, wordmark, colour, shape):
    """A partner's logo: a coloured emblem with initials, then a wordmark over a rule."""

    def painter():
        image = PillowImage.new("RGB", (400, 160), WHITE)
        d = ImageDraw.Draw(image)
        box = (20, 20, 140, 140)
        if shape == "circle":
            d.ellipse(box, fill=colour)
        elif shape == "shield":
            d.polygon([(20, 20), (140, 20), (140, 90), (80, 142), (20, 90)], fill=colour)
        elif shape == "hexagon":
            d.regular_polygon((80, 80, 62), 6, fill=colour)
        else:
            d.rounded_rectangle(box, radius=26, fill=colour)
        size = 52 if len(initials) <= 2 else 40
        d.text((80, 78), initials, fill=WHITE, font=_font(size), anchor="mm")
        size = 48
        while size > 20 and d.textlength(wordmark, font=_font(size)) > 216:
            size -= 2
        d.text((166, 100), wordmark, fill=colour, font=_font(size), anchor="ls")
        d.rectangle((166, 116, 380, 122), fill=colour)
        return image

    return painter


def picture_encode(spec: ImageSpec) -> io.BytesIO:
    """The spec's picture as PNG, or as JPEG at quality 80 (small enough for slow connections)."""
    picture = spec.draw()
    buffer = io.BytesIO()
    if spec.filename.endswith(".png"):
        picture.save(buffer, "PNG", optimize=True)
    else:
        picture.save(buffer, "JPEG", quality=80, optimize=True, progressive=True)
    buffer.seek(0)
    return buffer


def demo_collection_get(run: DemoRun) -> Collection:
    """The "Demo content" collection under the root collection, created if missing."""
    root = Collection.get_first_root_node()
    if root is None:  # a flushed database has no root collection
        root = Collection.add_root(name="Root")
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(instance=Collection(name=COLLECTION_NAME))
        run.added(f"collection {COLLECTION_NAME!r}")
    return collection


def demo_images_load(run: DemoRun, specs) -> dict:
    """Each spec's Wagtail image by key: an existing image with the same title, else a new drawing."""
    Image = get_image_model()
    collection = None
    images = {}
    for spec in specs:
        image = Image.objects.filter(title=spec.title).order_by("pk").first()
        if image is None:
            collection = collection or demo_collection_get(run)
            image = Image(
                title=spec.title,
                description=spec.description,
                collection=collection,
                uploaded_by_user=run.editor,
                file=ImageFile(picture_encode(spec), name=spec.filename),
            )
            image._set_image_file_metadata()  # size and hash, as Wagtail's upload form does
            image.full_clean()
            image.save()
            run.added(f"image {spec.title!r}")
        images[spec.key] = image
    return images


HERO = ImageSpec(
    "hero",
    "Market stall and workshop (illustration)",
    "A market stall with a striped awning next to a small workshop, the owner checking a phone",
    "demo-market-stall-and-workshop.jpg",
    draw_hero,
)
PHONE_LESSON = ImageSpec(
    "phone_lesson",
    "Lesson on a phone (illustration)",
    "A phone showing lesson 3 of 8, 'Pricing your work', with a 'Mark as done' button",
    "demo-lesson-on-a-phone.jpg",
    draw_phone_lesson,
)
CERTIFICATE = ImageSpec(
    "certificate",
    "Certificate with verification code (illustration)",
    "A course certificate with a verification code, and a magnifying glass with a green tick",
    "demo-certificate-check.jpg",
    draw_certificate,
)
PARTNER_NETWORK = ImageSpec(
    "partner_network",
    "Academy and partner universities (illustration)",
    "The SME Academy in the middle, linked to four university buildings, with learners below",
    "demo-partner-network.jpg",
    draw_partner_network,
)
TEAM_TABLE = ImageSpec(
    "team_table",
    "Editorial team at work (illustration)",
    "Five people around a table with a laptop and papers, a bar chart on the wall behind them",
    "demo-editorial-team.jpg",
    draw_team_table,
)
