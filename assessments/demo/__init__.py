"""Demo quizzes: one at the end of every demo course.

quizzes.py holds QUIZZES, a dict from course slug to a quiz in this shape:

    "price-your-products": {
        "slug": "check-your-pricing",
        "title": "Check your pricing",
        "intro": "...",                     # one or two sentences
        "pass_mark": 70,
        "max_attempts": 3,                  # or None for unlimited
        "scoring": "all_or_nothing",        # or "partial" (multiple choice only)
        "questions": [
            ("single_choice", {"prompt": "...", "feedback": "...",
                               "options": [{"text": "...", "is_correct": True, "feedback": "..."}, ...]}),
            ("multiple_choice", {"prompt": "...", "feedback": "...", "options": [...]}),
            ("true_false", {"prompt": "...", "is_true": False, "feedback": "...",
                            "feedback_true": "...", "feedback_false": "..."}),
            ("numeric", {"prompt": "...", "answer": "1160", "tolerance": "0", "unit": "KES", "feedback": "..."}),
        ],
    }
"""
