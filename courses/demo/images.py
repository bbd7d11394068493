"""Course covers for the demo, drawn with Pillow in the style of home.demo.images (1200x675 JPEG)."""

import math

from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont

from home.demo.images import (
    CORAL,
    GREEN,
    GREY,
    GROUND,
    INK,
    NAVY,
    PAPER,
    PLUM,
    SAND,
    SKY,
    SUN,
    TEAL,
    WHITE,
    ImageSpec,
)

SIZE = (1200, 675)
WOOD = (160, 110, 70)
LIGHT_WOOD = (196, 140, 84)


def _font(size):
    # Pillow's built-in scalable font, as in home.demo.images: the same on every machine.
    return ImageFont.load_default(size=size)


def _star(d, centre, radius, colour):
    """A five-pointed star."""
    x, y = centre
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        points.append((x + r * math.cos(angle), y - r * math.sin(angle)))
    d.polygon(points, fill=colour)


def _canvas(background):
    image = PillowImage.new("RGB", SIZE, background)
    return image, ImageDraw.Draw(image)


def draw_price_tag():
    """A price tag on a string, with the cost of one shirt stacked into a bar beside it."""
    image, d = _canvas(SAND)
    d.rectangle((0, 560, 1200, 675), fill=GROUND)
    # The tag: a pentagon with a hole and a string.
    d.polygon([(160, 250), (250, 160), (560, 160), (560, 460), (250, 460)], fill=CORAL)
    d.ellipse((225, 290, 265, 330), fill=SAND)
    d.line([(245, 310), (170, 120), (120, 60)], fill=INK, width=6)
    d.text((410, 270), "PRICE", fill=WHITE, font=_font(40), anchor="mm")
    d.text((410, 350), "= cost + profit", fill=WHITE, font=_font(34), anchor="mm")
    # A stacked bar: material, labour, overheads, profit.
    parts = [(170, NAVY, "material"), (120, TEAL, "labour"), (70, PLUM, "overheads"), (60, GREEN, "profit")]
    bottom = 540
    for height, colour, label in parts:
        d.rectangle((760, bottom - height, 900, bottom), fill=colour)
        d.text((920, bottom - height / 2), label, fill=INK, font=_font(26), anchor="lm")
        bottom -= height
    d.line((740, 540, 1120, 540), fill=INK, width=5)
    # A few coins at the foot of the bar.
    for i, x in enumerate((640, 690, 665)):
        y = 580 - (i // 2) * 26
        d.ellipse((x - 34, y - 14, x + 34, y + 14), fill=SUN, outline=(205, 150, 30), width=4)
    return image


def draw_cash_book():
    """An open cash book with money in and money out, next to a cash box."""
    image, d = _canvas((226, 238, 236))
    d.rectangle((0, 540, 1200, 675), fill=WOOD)
    # The book: two pages with ruled lines and two columns of figures.
    d.polygon([(120, 130), (560, 110), (560, 560), (120, 580)], fill=PAPER)
    d.polygon([(560, 110), (1000, 130), (1000, 580), (560, 560)], fill=WHITE)
    d.line((560, 110, 560, 560), fill=GREY, width=6)
    d.text((340, 160), "MONEY IN", fill=GREEN, font=_font(30), anchor="mm")
    d.text((780, 160), "MONEY OUT", fill=CORAL, font=_font(30), anchor="mm")
    for row in range(8):
        y = 210 + row * 42
        d.line((150, y + 30, 530, y + 30), fill=GREY, width=2)
        d.line((590, y + 30, 970, y + 30), fill=GREY, width=2)
        d.rounded_rectangle((160, y + 6, 160 + 150 + (row * 37) % 90, y + 18), radius=6, fill=(170, 176, 182))
        d.text((520, y + 12), f"{(row * 7 + 3) % 9 + 1}{row % 3}0", fill=GREEN, font=_font(22), anchor="rm")
        if row % 3 != 2:
            d.rounded_rectangle((600, y + 6, 600 + 120 + (row * 53) % 110, y + 18), radius=6, fill=(170, 176, 182))
            d.text((960, y + 12), f"{(row * 5 + 2) % 7 + 1}5", fill=CORAL, font=_font(22), anchor="rm")
    # The cash box with a note sticking out.
    d.rectangle((1020, 420, 1170, 540), fill=NAVY)
    d.rectangle((1020, 400, 1170, 430), fill=(50, 80, 140))
    d.rectangle((1075, 460, 1115, 480), fill=SUN)
    d.polygon([(1040, 400), (1060, 350), (1130, 360), (1110, 405)], fill=(120, 190, 120))
    return image


def draw_customers():
    """A shop front with a queue of customers, speech bubbles and a star rating."""
    image, d = _canvas(SKY)
    d.rectangle((0, 560, 1200, 675), fill=GROUND)
    d.rectangle((640, 180, 1140, 560), fill=(250, 240, 222))
    stripes = 6
    width = 520 / stripes
    for i in range(stripes):
        left = 630 + i * width
        d.rectangle((left, 150, left + width, 220), fill=TEAL if i % 2 == 0 else PAPER)
    d.rectangle((700, 280, 900, 560), fill=(92, 64, 51))
    d.rectangle((940, 280, 1100, 420), fill=WHITE, outline=INK, width=6)
    d.text((1020, 350), "OPEN", fill=GREEN, font=_font(36), anchor="mm")
    people = [(150, CORAL, (141, 85, 36)), (290, NAVY, (224, 172, 105)), (430, PLUM, (92, 58, 33)),
              (560, GREEN, (241, 194, 125))]
    for x, shirt, skin in people:
        d.ellipse((x - 34, 360, x + 34, 428), fill=skin)
        d.rounded_rectangle((x - 50, 432, x + 50, 560), radius=34, fill=shirt)
    # Speech bubbles: a heart and a star rating.
    d.rounded_rectangle((90, 170, 330, 290), radius=30, fill=WHITE)
    d.polygon([(150, 288), (170, 330), (200, 288)], fill=WHITE)
    for i in range(5):
        _star(d, (130 + i * 40, 230), 20, SUN if i < 4 else GREY)
    d.rounded_rectangle((400, 120, 560, 230), radius=30, fill=WHITE)
    d.polygon([(440, 228), (450, 270), (480, 228)], fill=WHITE)
    d.ellipse((440, 145, 480, 185), fill=CORAL)
    d.ellipse((472, 145, 512, 185), fill=CORAL)
    d.polygon([(442, 172), (510, 172), (476, 212)], fill=CORAL)
    return image


def draw_phone_shop():
    """A phone showing a grid of products and a chat message, and a parcel ready to go."""
    image, d = _canvas((236, 242, 250))
    for i in range(5):
        d.ellipse((40 + i * 250, 540, 240 + i * 250, 740), fill=(220, 230, 244))
    d.rounded_rectangle((420, 40, 720, 640), radius=40, fill=INK)
    d.rounded_rectangle((438, 90, 702, 590), radius=12, fill=WHITE)
    d.rectangle((438, 90, 702, 140), fill=TEAL)
    d.text((570, 115), "My shop", fill=WHITE, font=_font(26), anchor="mm")
    colours = [CORAL, SUN, GREEN, PLUM, NAVY, TEAL]
    for i, colour in enumerate(colours):
        col, row = i % 2, i // 2
        x, y = 452 + col * 126, 152 + row * 128
        d.rounded_rectangle((x, y, x + 112, y + 88), radius=10, fill=colour)
        d.rounded_rectangle((x, y + 96, x + 80, y + 108), radius=6, fill=GREY)
    # A chat bubble with an order.
    d.rounded_rectangle((760, 120, 1120, 250), radius=28, fill=GREEN)
    d.polygon([(780, 246), (770, 300), (830, 246)], fill=GREEN)
    d.text((940, 165), "2 baskets, please.", fill=WHITE, font=_font(28), anchor="mm")
    d.text((940, 210), "Delivery Friday?", fill=WHITE, font=_font(28), anchor="mm")
    # A parcel with tape and a label.
    d.polygon([(800, 420), (960, 380), (1120, 420), (960, 460)], fill=LIGHT_WOOD)
    d.polygon([(800, 420), (960, 460), (960, 610), (800, 570)], fill=WOOD)
    d.polygon([(960, 460), (1120, 420), (1120, 570), (960, 610)], fill=(180, 126, 78))
    d.polygon([(1010, 480), (1090, 460), (1090, 510), (1010, 530)], fill=WHITE)
    d.line([(880, 400), (1040, 440)], fill=SAND, width=14)
    # A camera: products sell on their photos.
    d.rounded_rectangle((110, 200, 330, 350), radius=20, fill=NAVY)
    d.rounded_rectangle((150, 175, 220, 205), radius=8, fill=NAVY)
    d.ellipse((170, 225, 270, 325), fill=WHITE)
    d.ellipse((190, 245, 250, 305), fill=TEAL)
    d.ellipse((290, 215, 310, 235), fill=SUN)
    return image


def draw_payments():
    """A card terminal, a phone with a payment code and a padlock."""
    image, d = _canvas((240, 234, 246))
    d.rectangle((0, 560, 1200, 675), fill=(214, 200, 226))
    # The card terminal with a card going in.
    d.rounded_rectangle((120, 160, 400, 560), radius=30, fill=NAVY)
    d.rounded_rectangle((150, 200, 370, 300), radius=10, fill=(190, 230, 200))
    d.text((260, 250), "PAID", fill=INK, font=_font(40), anchor="mm")
    for row in range(4):
        for col in range(3):
            x, y = 170 + col * 65, 330 + row * 52
            d.rounded_rectangle((x, y, x + 50, y + 38), radius=8, fill=(80, 110, 170))
    d.rounded_rectangle((200, 90, 420, 220), radius=14, fill=CORAL)
    d.rectangle((200, 120, 420, 145), fill=INK)
    d.rounded_rectangle((230, 165, 290, 200), radius=6, fill=SUN)
    # The phone with a square payment code.
    d.rounded_rectangle((520, 100, 760, 580), radius=34, fill=INK)
    d.rounded_rectangle((536, 150, 744, 530), radius=10, fill=WHITE)
    for row in range(9):
        for col in range(9):
            if (row * 7 + col * 3 + row * col) % 5 < 2 or row in (0, 8) or col in (0, 8):
                d.rectangle((560 + col * 18, 200 + row * 18, 575 + col * 18, 215 + row * 18), fill=INK)
    d.rounded_rectangle((560, 400, 720, 450), radius=24, fill=GREEN)
    d.text((640, 425), "Confirm", fill=WHITE, font=_font(24), anchor="mm")
    # The padlock.
    d.arc((880, 140, 1080, 340), 180, 360, fill=GREY, width=34)
    d.rectangle((880, 236, 914, 300), fill=GREY)
    d.rectangle((1046, 236, 1080, 300), fill=GREY)
    d.rounded_rectangle((840, 290, 1120, 520), radius=24, fill=SUN)
    d.ellipse((960, 360, 1000, 400), fill=INK)
    d.polygon([(966, 390), (994, 390), (1000, 460), (960, 460)], fill=INK)
    return image


def draw_one_page_plan():
    """A single sheet with a few labelled boxes, a pencil and a target with an arrow."""
    image, d = _canvas(PAPER)
    d.rectangle((0, 0, 1200, 675), fill=(250, 238, 226))
    d.rectangle((300, 50, 760, 625), fill=WHITE, outline=GREY, width=4)
    d.text((530, 100), "MY PLAN", fill=NAVY, font=_font(40), anchor="mm")
    boxes = [("Customers", TEAL), ("Offer", CORAL), ("Money", GREEN), ("Next steps", PLUM)]
    for i, (label, colour) in enumerate(boxes):
        col, row = i % 2, i // 2
        x, y = 330 + col * 210, 150 + row * 230
        d.rectangle((x, y, x + 190, y + 210), outline=colour, width=6)
        d.text((x + 95, y + 30), label, fill=colour, font=_font(24), anchor="mm")
        for line in range(4):
            d.rounded_rectangle((x + 20, y + 70 + line * 32, x + 150 - line * 15, y + 82 + line * 32), radius=6,
                                fill=GREY)
    # A pencil lying across the corner of the sheet.
    d.polygon([(700, 600), (980, 400), (1010, 440), (730, 640)], fill=SUN)
    d.polygon([(700, 600), (730, 640), (670, 660)], fill=LIGHT_WOOD)
    d.polygon([(980, 400), (1010, 440), (1030, 425), (1000, 385)], fill=CORAL)
    # A target with an arrow in the middle.
    for radius, colour in [(130, CORAL), (95, WHITE), (60, CORAL), (25, WHITE)]:
        d.ellipse((960 - radius, 200 - radius, 960 + radius, 200 + radius), fill=colour)
    d.line((960, 200, 1130, 60), fill=INK, width=10)
    d.polygon([(1130, 60), (1110, 60), (1140, 30), (1150, 50)], fill=NAVY)
    d.rounded_rectangle((60, 220, 250, 330), radius=16, fill=WHITE, outline=GREY, width=3)
    d.text((155, 260), "1 page", fill=INK, font=_font(36), anchor="mm")
    d.text((155, 302), "30 minutes", fill=(90, 94, 100), font=_font(22), anchor="mm")
    return image


def draw_export():
    """A ship with containers on the sea, a globe with a route and a stamped document."""
    image, d = _canvas(SKY)
    d.ellipse((1030, 50, 1150, 170), fill=SUN)
    d.rectangle((0, 470, 1200, 675), fill=(70, 140, 190))
    for x in range(0, 1200, 80):  # waves
        d.arc((x, 480, x + 80, 520), 180, 360, fill=WHITE, width=4)
    # The ship and its containers.
    d.polygon([(120, 420), (780, 420), (720, 520), (170, 520)], fill=NAVY)
    d.rectangle((640, 300, 740, 420), fill=WHITE)
    d.rectangle((660, 320, 720, 350), fill=SKY)
    colours = [CORAL, GREEN, SUN, TEAL, PLUM, CORAL, TEAL, SUN]
    for i, colour in enumerate(colours):
        col, row = i % 4, i // 4
        x, y = 190 + col * 110, 360 - row * 60
        d.rectangle((x, y, x + 100, y + 56), fill=colour, outline=INK, width=3)
        for rib in range(1, 5):
            d.line((x + rib * 20, y + 6, x + rib * 20, y + 50), fill=INK, width=2)
    # The globe with a dashed route.
    d.ellipse((850, 210, 1090, 450), fill=(120, 190, 220), outline=NAVY, width=6)
    d.polygon([(900, 260), (960, 240), (990, 300), (940, 340), (905, 310)], fill=GREEN)
    d.polygon([(1000, 330), (1060, 320), (1070, 390), (1020, 420)], fill=GREEN)
    for i in range(6):
        x = 920 + i * 24
        d.line((x, 380 - i * 18, x + 12, 372 - i * 18), fill=CORAL, width=6)
    # A document with a stamp.
    d.rectangle((40, 60, 300, 300), fill=WHITE, outline=GREY, width=3)
    for row in range(5):
        d.rounded_rectangle((64, 90 + row * 30, 270 - row * 18, 102 + row * 30), radius=6, fill=GREY)
    d.ellipse((180, 210, 280, 290), outline=CORAL, width=6)
    d.text((230, 250), "OK", fill=CORAL, font=_font(30), anchor="mm")
    return image


def draw_quality():
    """A clipboard with a ticked checklist, a ruler and jars on a shelf under a magnifier."""
    image, d = _canvas((232, 244, 232))
    d.rectangle((0, 560, 1200, 675), fill=(200, 220, 200))
    # The clipboard with a checklist.
    d.rounded_rectangle((100, 80, 480, 600), radius=20, fill=WOOD)
    d.rectangle((130, 130, 450, 575), fill=WHITE)
    d.rounded_rectangle((220, 60, 360, 120), radius=12, fill=GREY)
    for row in range(6):
        y = 170 + row * 66
        d.rectangle((155, y, 195, y + 40), outline=INK, width=4)
        if row != 4:
            d.line([(160, y + 20), (173, y + 34), (195, y + 4)], fill=GREEN, width=7)
        else:
            d.line((160, y + 5, 190, y + 35), fill=CORAL, width=7)
            d.line((190, y + 5, 160, y + 35), fill=CORAL, width=7)
        d.rounded_rectangle((215, y + 14, 420 - (row % 3) * 40, y + 28), radius=7, fill=GREY)
    # A shelf with jars, one of them under a magnifier.
    d.rectangle((560, 470, 1140, 490), fill=WOOD)
    for i, colour in enumerate([CORAL, SUN, CORAL, SUN, CORAL]):
        x = 590 + i * 110
        d.rounded_rectangle((x, 330, x + 80, 470), radius=16, fill=colour)
        d.rectangle((x + 6, 310, x + 74, 336), fill=NAVY)
        d.rectangle((x + 10, 380, x + 70, 420), fill=WHITE)
    d.ellipse((760, 130, 980, 350), outline=INK, width=16)
    d.line((950, 320, 1050, 420), fill=INK, width=28)
    # A ruler along the floor.
    d.rectangle((560, 580, 1140, 630), fill=SUN, outline=INK, width=3)
    for i in range(30):
        x = 570 + i * 19
        d.line((x, 580, x, 600 if i % 5 else 615), fill=INK, width=3)
    return image


def cover(slug, title, description, draw):
    return ImageSpec(
        key=slug,
        title=f"{title} (course cover)",
        description=description,
        filename=f"demo-course-{slug}.jpg",
        draw=draw,
    )
