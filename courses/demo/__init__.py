"""Demo learning content: taxonomy, courses, programs, partners and a learner half-way through.

Course texts live in lessons_a.py and lessons_b.py as plain data (COURSES lists), in this shape:

    {
        "slug": "price-your-products",
        "title": "Price your products so they pay",
        "summary": "...",              # 1-2 sentences, shown on cards
        "audience": "...",             # who it is for
        "level": "beginner",           # beginner | intermediate | advanced
        "topics": ["pricing-and-costs"],            # slugs from TOPICS in steps.py
        "sectors": ["food-processing"],              # slugs from SECTORS in steps.py
        "outcomes": ["...", "..."],                  # 3-5 short sentences
        "parent": "courses",           # or "partner:<partner slug>"
        "prerequisites": [],           # course slugs
        "modules": [
            {
                "slug": "know-your-costs",
                "title": "Know your costs",
                "intro": "...",
                "lessons": [
                    {
                        "slug": "...",
                        "title": "...",
                        "summary": "...",    # public, 1-2 sentences
                        "minutes": 8,
                        "body": [            # LessonStreamBlock raw values
                            ("paragraph", "<p>...</p>"),
                            ("heading", {"text": "...", "level": "h2"}),
                            ("callout", {"kind": "tip", "title": "", "text": "<p>...</p>"}),
                            ("takeaways", {"title": "Key points", "points": ["...", "..."]}),
                            ("video", {"url": "https://www.youtube.com/watch?v=...", "title": "...",
                                       "duration": "4:30", "transcript": "<p>...</p>"}),
                        ],
                    },
                ],
            },
        ],
    }
"""
