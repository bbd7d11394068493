"""The demo course Riverbend's editor wrote and submitted for review: plan a week in a craft workshop."""


def _tf(prompt, is_true, feedback):
    return ("true_false", {
        "prompt": prompt, "is_true": is_true, "feedback": feedback,
        "feedback_true": "", "feedback_false": "",
    })


def _single(prompt, right, wrong, feedback):
    return ("single_choice", {
        "prompt": prompt,
        "feedback": feedback,
        "options": [{"text": right, "is_correct": True, "feedback": "Correct."}]
        + [{"text": text, "is_correct": False, "feedback": ""} for text in wrong],
    })


COURSE = {
    "slug": "plan-a-week-in-your-workshop",
    "title": "Plan a week in your workshop",
    "summary": "Plan orders, materials and working hours for the coming week, so that deliveries are on time "
    "and nobody works all night.",
    "audience": "Owners of small craft workshops with one to ten people.",
    "outcomes": [
        "List every order due this week with its materials.",
        "Give each order its hours and keep time free for surprises.",
        "Buy materials once, before the week starts.",
    ],
    "module": ("one-week-on-one-page", "One week on one page", "Put this week's orders, materials and hours on one sheet."),
    "lessons": [
        ("list-this-weeks-orders", "List this week's orders", "Write down every order due in the next seven days.", [
            ("paragraph", "<p>Most late deliveries in a small workshop are not caused by slow work. They are caused by an "
             "order that nobody remembered until the customer called. The cure is simple: once a week, on the same "
             "day, write down every order that must leave the workshop in the next seven days.</p>"),
            ("heading", {"text": "What to write for each order", "level": "h2"}),
            ("paragraph", "<ul><li>The customer's name and phone number.</li><li>The day it is due, and whether the "
             "customer collects it or you deliver it.</li><li>What it needs: wood, thread, glue, paint, fittings, and "
             "how much of each.</li><li>Who in the workshop will make it.</li></ul>"),
            ("paragraph", "<p><b>Example.</b> Joost makes chairs and tables with two helpers in Deventer. Every Monday "
             "morning he writes the week's orders on one sheet and pins it by the door. Last month he found a table "
             "due on Thursday that nobody had started, and had three days to make it instead of one night.</p>"),
            ("takeaways", {"title": "Key points", "points": ["One sheet for the whole week, on the same day every week.",
                                                              "Every order has a due day, a maker and its materials."]}),
        ]),
        ("block-the-hours", "Block the hours", "Give each order its hours, and keep two hours a day free for surprises.", [
            ("paragraph", "<p>Next to each order on your sheet, write how many hours it needs. If you are not sure, look "
             "at the last time you made something similar, and add a quarter for safety. Then add up the hours for "
             "each day and compare them with the hours your people really work.</p>"),
            ("heading", {"text": "When a day is too full", "level": "h2"}),
            ("paragraph", "<p>If a day has more hours of work than people to do it, do something about it now, not on the "
             "day: move an order to a quieter day, ask a helper to come in earlier, or call the customer and agree a new "
             "date. Customers forgive a delay they hear about early. They rarely forgive one they discover at the "
             "door.</p>"),
            ("callout", {"kind": "tip", "title": "", "text": "<p>Keep two hours a day without any order in them. A machine "
                         "breaks, a customer asks for a repair, a helper is ill: the free hours absorb it.</p>"}),
        ]),
        ("buy-materials-once", "Buy materials once", "Add up the week's materials and buy them before Monday.", [
            ("paragraph", "<p>Every trip to the supplier in the middle of the week costs you an hour or more, and often a "
             "higher price because you buy in a hurry. With the week's orders on one sheet, you can add up everything "
             "they need and buy it in one trip, before the week starts.</p>"),
            ("heading", {"text": "A shopping list from the order sheet", "level": "h2"}),
            ("paragraph", "<p>Go through the orders one by one and write each material on a list with its quantity. Then "
             "check your shelves and cross out what you already have. What is left is the shopping list. Keep the "
             "receipts with the order sheet: at the end of the month they tell you what each order really cost, which "
             "helps you price the next one.</p>"),
            ("takeaways", {"title": "Key points", "points": ["One buying trip a week, planned from the order sheet.",
                                                              "Check the shelves before you buy.",
                                                              "Keep the receipts with the orders."]}),
        ]),
    ],
    "quiz": {
        "slug": "plan-a-week-quiz",
        "title": "Quiz: plan a week in your workshop",
        "intro": "Check that you can plan a week of orders, hours and materials.",
        "pass_mark": 60,
        "max_attempts": 3,
        "scoring": "all_or_nothing",
        "questions": [
            _single("What causes most late deliveries in a small workshop, according to this course?",
                    "An order that nobody remembered in time", ["Slow work", "Bad tools", "Difficult customers"],
                    "Most delays come from orders nobody planned for, not from slow hands."),
            _tf("You should write the week's orders on the same day every week.", True,
                "A fixed day makes it a habit, so no week is forgotten."),
            _single("A day has more hours of work than people to do it. What should you do first?",
                    "Move an order, add hours or call the customer now",
                    ["Work through the night on the day", "Wait and see", "Cancel the order"],
                    "Act early: customers forgive a delay they hear about early."),
            _tf("Every hour of the day should be given to an order.", False,
                "Keep about two hours a day free for breakdowns, repairs and illness."),
            _single("Why buy the week's materials in one trip?",
                    "It saves time and avoids paying more in a hurry",
                    ["Suppliers give everything for free", "Materials never run out", "It is required by law"],
                    "One planned trip saves hours and money."),
        ],
    },
}
