"""End-of-course quizzes for the eight demo courses, keyed by course slug (shape described in __init__.py)."""

QUIZZES = {
    # ------------------------------------------------------------------
    # 1. Price your products so they pay
    # ------------------------------------------------------------------
    "price-your-products": {
        "slug": "pricing-quiz",
        "title": "Quiz: price your products",
        "intro": (
            "Check that you can find the full cost of one product and turn it into a price that pays. "
            "Keep a pen and paper nearby for the sums."
        ),
        "pass_mark": 70,
        "max_attempts": 3,
        "scoring": "all_or_nothing",
        "questions": [
            ("single_choice", {
                "prompt": "This course sorts every business cost into three groups. Which three?",
                "feedback": (
                    "Materials go into the product, labour is the time to make it (including your own), "
                    "and overheads are the costs you pay even on a quiet day, such as rent and electricity."
                ),
                "options": [
                    {"text": "Materials, labour and overheads", "is_correct": True, "feedback": "Correct."},
                    {"text": "Rent, wages and taxes", "is_correct": False,
                     "feedback": "These are examples of costs, not the three groups."},
                    {"text": "Stock, sales and profit", "is_correct": False,
                     "feedback": "Sales and profit are not costs."},
                    {"text": "Fabric, thread and buttons", "is_correct": False,
                     "feedback": "These are all materials: only one of the three groups."},
                ],
            }),
            ("true_false", {
                "prompt": "If you make everything yourself, you do not need to count your own time in your price.",
                "is_true": False,
                "feedback": (
                    "Your time is a cost. Amina counts 3 hours at 150 KES an hour, so 450 KES of labour in every "
                    "shirt. If your price leaves it out, you are giving your work away."
                ),
                "feedback_true": "Not quite: your own hours are labour, just like a helper's hours.",
                "feedback_false": "Right: count your own hours at a fair rate.",
            }),
            ("numeric", {
                "prompt": (
                    "Nino bakes 30 khachapuri in one batch. The materials for the batch cost 114 GEL and the "
                    "labour costs 30 GEL. Her overheads come to 1.15 GEL per piece. "
                    "What is the full cost of one khachapuri, in GEL?"
                ),
                "answer": "5.95",
                "tolerance": "0.01",
                "unit": "GEL",
                "feedback": (
                    "Materials: 114 ÷ 30 = 3.80 GEL. Labour: 30 ÷ 30 = 1.00 GEL. Overheads: 1.15 GEL. "
                    "Full cost: 3.80 + 1.00 + 1.15 = 5.95 GEL. This is the lowest price at which she does not "
                    "lose money."
                ),
            }),
            ("multiple_choice", {
                "prompt": "Which of these are overheads for a tailor like Amina? Choose all that apply.",
                "feedback": (
                    "Overheads are costs you pay even on a quiet day: rent, electricity, phone, transport, "
                    "licences and repairs. Fabric is a material, and pay for making the shirt is labour."
                ),
                "options": [
                    {"text": "Rent for the workshop", "is_correct": True, "feedback": ""},
                    {"text": "Electricity", "is_correct": True, "feedback": ""},
                    {"text": "Repairs to the sewing machine", "is_correct": True, "feedback": ""},
                    {"text": "Fabric for the shirt", "is_correct": False,
                     "feedback": "Fabric goes into the product, so it is a material."},
                    {"text": "A helper's pay for sewing the shirt", "is_correct": False,
                     "feedback": "Time spent making the product is labour."},
                ],
            }),
            ("numeric", {
                "prompt": (
                    "Amina's shirt used to cost 1160 KES and she earned 340 KES on each one. Fabric went up, "
                    "and the shirt now costs 1260 KES. What new price keeps her profit at 340 KES? "
                    "Type digits only, with no comma for thousands."
                ),
                "answer": "1600",
                "tolerance": "0",
                "unit": "KES",
                "feedback": (
                    "New price = new cost + the profit she wants: 1,260 + 340 = 1,600 KES. Other tailors "
                    "charge 1,500 to 1,800 KES, so the new price still fits the market."
                ),
            }),
            ("single_choice", {
                "prompt": (
                    "Luis makes a chair for 180 soles and sells it for 240 soles. A customer asks for 10% off. "
                    "How much profit does Luis make on that chair?"
                ),
                "feedback": (
                    "10% of 240 is 24, so he gets 216 soles. 216 − 180 = 36 soles. A 10% discount took 40% "
                    "of his 60-sole profit. Do this sum before you say yes."
                ),
                "options": [
                    {"text": "36 soles", "is_correct": True, "feedback": "Correct."},
                    {"text": "54 soles", "is_correct": False,
                     "feedback": "That is 10% off the profit. The discount comes off the whole price."},
                    {"text": "60 soles", "is_correct": False,
                     "feedback": "That was his profit before the discount."},
                    {"text": "24 soles", "is_correct": False,
                     "feedback": "24 soles is the discount itself, not what is left."},
                ],
            }),
            ("multiple_choice", {
                "prompt": "Which of these are good reasons to give a discount? Choose all that apply.",
                "feedback": (
                    "Good reasons: a large order that saves you time or materials, payment in full in advance, "
                    "old stock, or a quiet season for a short, fixed time. Never go below your cost. Often a "
                    "small extra, like Luis's 15-sole cushion, costs less than a discount."
                ),
                "options": [
                    {"text": "A large order that saves you time or materials", "is_correct": True, "feedback": ""},
                    {"text": "The customer pays in full, in advance", "is_correct": True, "feedback": ""},
                    {"text": "Old stock that will not sell otherwise", "is_correct": True, "feedback": ""},
                    {"text": "A regular customer who would buy anyway", "is_correct": False,
                     "feedback": "They would pay the full price, so the discount is simply lost profit."},
                    {"text": "The customer simply asks", "is_correct": False,
                     "feedback": "Asking is not a reason. Offer a small extra instead."},
                ],
            }),
        ],
    },
    # ------------------------------------------------------------------
    # 2. Keep simple books and watch your cash
    # ------------------------------------------------------------------
    "keep-simple-books": {
        "slug": "simple-books-quiz",
        "title": "Quiz: keep simple books",
        "intro": (
            "Check that you can keep a cash book, work out a month's profit and read a cash plan. "
            "The sums use the shops and bakery from the course."
        ),
        "pass_mark": 70,
        "max_attempts": 3,
        "scoring": "all_or_nothing",
        "questions": [
            ("single_choice", {
                "prompt": "Why should you keep business money apart from household money?",
                "feedback": (
                    "When the two are mixed, you cannot tell if the business earns money. Joseph thought his "
                    "stall was failing; in fact he was taking out more than it earned."
                ),
                "options": [
                    {"text": "So you can see whether the business really makes money", "is_correct": True,
                     "feedback": "Correct."},
                    {"text": "So that you never take money home", "is_correct": False,
                     "feedback": "You do take money home: a fixed amount, on a fixed day, written down."},
                    {"text": "So the business looks bigger than it is", "is_correct": False,
                     "feedback": "The aim is a true picture, not a bigger one."},
                ],
            }),
            ("numeric", {
                "prompt": (
                    "Rosa opened the week with 500 units in her cash box. During the week, money in was 5320 "
                    "and money out was 3215. How much cash should her book show at closing on Saturday? "
                    "Type digits only, with no comma for thousands."
                ),
                "answer": "2605",
                "tolerance": "0",
                "unit": "units",
                "feedback": (
                    "Closing cash = opening + money in − money out: 500 + 5,320 − 3,215 = 2,605 units. "
                    "Rosa counted 2,580 and found the missing 25: a receipt for phone credit she forgot to write down."
                ),
            }),
            ("true_false", {
                "prompt": "Money you take home for your family is a business cost.",
                "is_true": False,
                "feedback": (
                    "Money taken home is paid out of the profit; it is not a cost. Write it down as "
                    "\"owner took\" in your cash book."
                ),
                "feedback_true": "Not quite: it still leaves the cash box, but it is not a cost of running the business.",
                "feedback_false": "Right: it comes out of the profit.",
            }),
            ("numeric", {
                "prompt": (
                    "A bakery sold goods for 18400 GEL in March. Its costs were: ingredients and packaging 8100, "
                    "wages 3200, rent 1200, gas, electricity and water 650, transport and phone 350, oven repair 300, "
                    "loan interest 200. What was its profit for March, in GEL? Type digits only."
                ),
                "answer": "4400",
                "tolerance": "0",
                "unit": "GEL",
                "feedback": (
                    "Total costs: 8,100 + 3,200 + 1,200 + 650 + 350 + 300 + 200 = 14,000 GEL. "
                    "Profit = sales − costs = 18,400 − 14,000 = 4,400 GEL. The owners took 3,000 home, "
                    "so 1,400 stayed in the business."
                ),
            }),
            ("multiple_choice", {
                "prompt": "In a daily cash book, which of these go under \"money out\"? Choose all that apply.",
                "feedback": (
                    "Money out is stock, transport, wages, bills and money you took home. Sales and old debts "
                    "that customers pay you are money in."
                ),
                "options": [
                    {"text": "Stock you bought", "is_correct": True, "feedback": ""},
                    {"text": "Your helper's wages", "is_correct": True, "feedback": ""},
                    {"text": "Money you took home", "is_correct": True,
                     "feedback": "Yes: it leaves the box, so it goes in the book."},
                    {"text": "An old debt a customer paid you", "is_correct": False,
                     "feedback": "That is money coming in."},
                    {"text": "Today's sales", "is_correct": False, "feedback": "Sales are money in."},
                ],
            }),
            ("single_choice", {
                "prompt": (
                    "Grace's cash forecast shows month 1 ending at 800, month 2 at −500 and month 3 at 1300. "
                    "What does this tell her?"
                ),
                "feedback": (
                    "The business is fine over three months, but cash runs short in month 2. Seeing it early, "
                    "Grace can ask her supplier to wait 30 days for half the payment, collect money owed to her "
                    "and put off buying a new shelf."
                ),
                "options": [
                    {"text": "She will be short of cash in month 2 unless she acts now", "is_correct": True,
                     "feedback": "Correct."},
                    {"text": "Her business is losing money and she should close it", "is_correct": False,
                     "feedback": "Month 3 ends at 1,300: the gap is a timing problem, not a failing business."},
                    {"text": "The forecast must be wrong, because cash cannot go below zero", "is_correct": False,
                     "feedback": "A negative month is a warning you can act on early."},
                ],
            }),
            ("true_false", {
                "prompt": "A business can make a profit in a month and still have an empty cash box.",
                "is_true": True,
                "feedback": (
                    "Profit is not cash. Customers may still owe you money, or you may have spent cash on extra "
                    "stock. That is why you need a cash book and a cash plan as well."
                ),
                "feedback_true": "Right.",
                "feedback_false": "It can happen: profit and cash are not the same thing.",
            }),
        ],
    },
    # ------------------------------------------------------------------
    # 3. Find and keep customers
    # ------------------------------------------------------------------
    "find-and-keep-customers": {
        "slug": "customers-quiz",
        "title": "Quiz: find and keep customers",
        "intro": (
            "Check what you learned about your best customers, referrals and staying in touch. "
            "You can try as many times as you like."
        ),
        "pass_mark": 60,
        "max_attempts": None,
        "scoring": "all_or_nothing",
        "questions": [
            ("numeric", {
                "prompt": (
                    "In three months Claudine sold baskets worth 900000 RWF. Just 8 customers bought 540000 RWF "
                    "of that. What percentage of her sales came from those 8 customers?"
                ),
                "answer": "60",
                "tolerance": "0",
                "unit": "%",
                "feedback": (
                    "540,000 ÷ 900,000 = 0.6, which is 60%. A small group often brings most of your sales: "
                    "spend more effort finding people like them."
                ),
            }),
            ("single_choice", {
                "prompt": (
                    "Lan thought guests chose her guest house because the rooms were cheap. "
                    "What did her last 30 reviews show?"
                ),
                "feedback": (
                    "Only 4 reviews mentioned price. 20 mentioned the home-cooked breakfast and 15 said Lan helped "
                    "plan trips. She now shows breakfast first and has not needed to lower her price."
                ),
                "options": [
                    {"text": "Most praised the breakfast and her help with planning trips", "is_correct": True,
                     "feedback": "Correct."},
                    {"text": "Most said the low price was the main reason", "is_correct": False,
                     "feedback": "Only four of thirty mentioned price."},
                    {"text": "Most said the rooms were too small", "is_correct": False,
                     "feedback": "The reviews praised what Lan does, not the room size."},
                ],
            }),
            ("true_false", {
                "prompt": "Price is usually the only reason customers choose a business.",
                "is_true": False,
                "feedback": (
                    "People also choose for quality, speed, trust, location or a friendly welcome. "
                    "Ask five to ten customers why they came to you, and write down their words."
                ),
                "feedback_true": "Not quite: price is rarely the only reason.",
                "feedback_false": "Right.",
            }),
            ("multiple_choice", {
                "prompt": "Which of these make it easier for happy customers to recommend you? Choose all that apply.",
                "feedback": (
                    "Give people something to pass on, ask when they are happy, and thank whoever sends you a new "
                    "customer. Lan's free dinner for referrals cost 840,000 VND in a season and brought about "
                    "11,200,000 VND of bookings."
                ),
                "options": [
                    {"text": "Give a small card with your name, phone number and what you do", "is_correct": True,
                     "feedback": ""},
                    {"text": "Ask for a referral when a customer praises your work", "is_correct": True,
                     "feedback": ""},
                    {"text": "Thank the person who sent you a new customer", "is_correct": True, "feedback": ""},
                    {"text": "Add all your customers to one big group where everyone sees each other's number",
                     "is_correct": False, "feedback": "This breaks their privacy. Keep your list private."},
                    {"text": "Send everyone on your list a message every day", "is_correct": False,
                     "feedback": "That is spam, and people will stop reading."},
                ],
            }),
            ("single_choice", {
                "prompt": "When is a good time to follow up with a customer after a sale?",
                "feedback": (
                    "A few days to a week after the sale. Luis asked \"Is the table working well for you?\", "
                    "fixed a wobble for 8 soles, and won an order for six chairs."
                ),
                "options": [
                    {"text": "A few days to a week after the sale", "is_correct": True, "feedback": "Correct."},
                    {"text": "Only if the customer complains", "is_correct": False,
                     "feedback": "A follow-up catches problems before they become bad stories."},
                    {"text": "One year later", "is_correct": False,
                     "feedback": "By then the customer may have forgotten you, or gone elsewhere."},
                ],
            }),
            ("single_choice", {
                "prompt": "How often should you send messages to the people on your customer list?",
                "feedback": (
                    "One or two useful messages a month at most, only to people who agreed, by name. "
                    "Stop at once if someone asks."
                ),
                "options": [
                    {"text": "One or two a month at most", "is_correct": True, "feedback": "Correct."},
                    {"text": "Every day, so they do not forget you", "is_correct": False,
                     "feedback": "Too many messages feel like spam."},
                    {"text": "Never: past customers will come back by themselves", "is_correct": False,
                     "feedback": "Past customers are the easiest people to sell to, if you stay in touch."},
                ],
            }),
        ],
    },
    # ------------------------------------------------------------------
    # 4. Write a one-page business plan
    # ------------------------------------------------------------------
    "one-page-business-plan": {
        "slug": "business-plan-quiz",
        "title": "Quiz: one-page business plan",
        "intro": (
            "Check that you can fill in each part of a one-page plan, from the offer to the break-even. "
            "The sums use Carmen's mug workshop."
        ),
        "pass_mark": 70,
        "max_attempts": 3,
        "scoring": "all_or_nothing",
        "questions": [
            ("multiple_choice", {
                "prompt": "Which of these belong on a one-page business plan? Choose all that apply.",
                "feedback": (
                    "The page covers the problem and the customer, your offer, the numbers and your goals "
                    "for 12 months. Short enough to write in an evening and check every month."
                ),
                "options": [
                    {"text": "The problem you solve and who your customer is", "is_correct": True, "feedback": ""},
                    {"text": "Your offer and why people will choose it", "is_correct": True, "feedback": ""},
                    {"text": "Start-up costs, monthly costs and the sales you need", "is_correct": True,
                     "feedback": ""},
                    {"text": "A full history of every job you have had", "is_correct": False,
                     "feedback": "It does not help a reader decide about the business."},
                    {"text": "A promise that sales will double every month", "is_correct": False,
                     "feedback": "Numbers that look too good raise doubts."},
                ],
            }),
            ("numeric", {
                "prompt": (
                    "Carmen's start-up costs add up to 7600 soles. She has 3100 soles in savings. "
                    "How big a loan does she need, in soles? Type digits only."
                ),
                "answer": "4500",
                "tolerance": "0",
                "unit": "soles",
                "feedback": (
                    "7,600 − 3,100 = 4,500 soles. Her list includes a cash reserve of 1,600 for the first two "
                    "months, and it shows where the money will come from."
                ),
            }),
            ("numeric", {
                "prompt": (
                    "Carmen's fixed costs are 1620 soles a month. Each mug sells for 25 soles and has variable "
                    "costs of 7 soles. How many mugs must she sell each month to break even?"
                ),
                "answer": "90",
                "tolerance": "0",
                "unit": "mugs",
                "feedback": (
                    "Each mug leaves 25 − 7 = 18 soles to pay fixed costs. Break-even = 1,620 ÷ 18 = 90 mugs a "
                    "month, about 23 a week. She can make 40 a week, so it looks realistic."
                ),
            }),
            ("true_false", {
                "prompt": "Carmen's loan repayment and her own basic pay belong in her fixed costs.",
                "is_true": True,
                "feedback": (
                    "Fixed costs stay the same however much you sell. Carmen's are rent 350, stall 120, "
                    "phone and transport 100, loan repayment 250 and her own basic pay 800: 1,620 soles."
                ),
                "feedback_true": "Right.",
                "feedback_false": "They do belong there: she pays both every month, whatever she sells.",
            }),
            ("single_choice", {
                "prompt": "Which of these is a clear goal for your plan?",
                "feedback": "A good goal has a number and a date, so you can tell whether you reached it.",
                "options": [
                    {"text": "Sell 90 mugs a month by the end of month 3", "is_correct": True,
                     "feedback": "Correct: it has a number and a date."},
                    {"text": "Sell more mugs", "is_correct": False, "feedback": "This is a wish: how many, and by when?"},
                    {"text": "Become the best potter in the city", "is_correct": False,
                     "feedback": "You cannot measure when you have reached it."},
                ],
            }),
            ("single_choice", {
                "prompt": "What does a lender most want your plan to show?",
                "feedback": (
                    "What the money is for, how you will repay it, and what happens if things go slowly. "
                    "Carmen shows the loan buys the kiln and wheel, and the 250 repayment is already in her fixed costs."
                ),
                "options": [
                    {"text": "What the loan is for, how you will repay it, and your plan if sales are slow",
                     "is_correct": True, "feedback": "Correct."},
                    {"text": "Only the amount you want to borrow", "is_correct": False,
                     "feedback": "The lender also needs to see how you will pay it back."},
                    {"text": "That nothing can go wrong", "is_correct": False,
                     "feedback": "Being honest about risks and a plan B builds trust."},
                ],
            }),
            ("true_false", {
                "prompt": "A plan with very high sales numbers is more likely to get a loan than one with careful, realistic numbers.",
                "is_true": False,
                "feedback": (
                    "Lenders see many plans. Careful, realistic numbers build trust; numbers that look too good "
                    "raise doubts."
                ),
                "feedback_true": "Not quite: inflated numbers make lenders doubt the whole plan.",
                "feedback_false": "Right.",
            }),
        ],
    },
    # ------------------------------------------------------------------
    # 5. Sell online with a phone
    # ------------------------------------------------------------------
    "sell-online-with-a-phone": {
        "slug": "sell-online-quiz",
        "title": "Quiz: sell online with a phone",
        "intro": (
            "Check what you learned about choosing where to sell, photos, descriptions and delivery. "
            "You can try as many times as you like."
        ),
        "pass_mark": 60,
        "max_attempts": None,
        "scoring": "all_or_nothing",
        "questions": [
            ("single_choice", {
                "prompt": "What is the best way to choose where to start selling online?",
                "feedback": (
                    "Go where your customers already spend time. Amina asked ten customers: seven said WhatsApp "
                    "and three Instagram, so she started with those two."
                ),
                "options": [
                    {"text": "Ask your customers which apps they use, then start with one or two", "is_correct": True,
                     "feedback": "Correct."},
                    {"text": "Open accounts on five apps at once", "is_correct": False,
                     "feedback": "You will not have time to answer everyone, and slow answers lose sales."},
                    {"text": "Build your own website first", "is_correct": False,
                     "feedback": "You do not need a website: a phone and one or two good places are enough to start."},
                ],
            }),
            ("numeric", {
                "prompt": (
                    "You sell a scarf for 40 units on a marketplace that takes a 12% fee. "
                    "How much do you receive, before delivery costs?"
                ),
                "answer": "35.20",
                "tolerance": "0.01",
                "unit": "units",
                "feedback": (
                    "The fee is 12% of 40 = 4.80 units, so you receive 40 − 4.80 = 35.20 units. "
                    "Check that this still covers your costs and leaves a profit."
                ),
            }),
            ("multiple_choice", {
                "prompt": "Which of these help you take good product photos with a phone? Choose all that apply.",
                "feedback": (
                    "Use soft daylight by a window, a plain background and no flash. Take three shots: the whole "
                    "product, a close-up detail and one that shows the size. Keep photos honest."
                ),
                "options": [
                    {"text": "Work next to a large window in daylight", "is_correct": True, "feedback": ""},
                    {"text": "Use a plain background, such as a white sheet", "is_correct": True, "feedback": ""},
                    {"text": "Turn off the flash", "is_correct": True, "feedback": ""},
                    {"text": "Use a filter to make the colours brighter", "is_correct": False,
                     "feedback": "Filters change the colour, and customers may send the item back."},
                    {"text": "Use a nicer photo of a similar product from the internet", "is_correct": False,
                     "feedback": "Never use other people's photos: show your real product."},
                ],
            }),
            ("true_false", {
                "prompt": "Strong midday sun gives the best light for product photos.",
                "is_true": False,
                "feedback": (
                    "Midday sun makes hard, dark shadows. Morning and late afternoon light is softer; "
                    "shade or a large window works well."
                ),
                "feedback_true": "Not quite: strong sun makes hard shadows.",
                "feedback_false": "Right.",
            }),
            ("multiple_choice", {
                "prompt": "What should a product description include? Choose all that apply.",
                "feedback": (
                    "Answer the customer's questions before they ask: name, price with currency, size, materials, "
                    "options, delivery and how to order. Put price and size near the top."
                ),
                "options": [
                    {"text": "The price, with the currency", "is_correct": True, "feedback": ""},
                    {"text": "The size, for example 45 × 45 cm", "is_correct": True, "feedback": ""},
                    {"text": "Where you deliver, how long it takes and what it costs", "is_correct": True,
                     "feedback": ""},
                    {"text": "\"Message for price\" instead of the price", "is_correct": False,
                     "feedback": "Many people will not ask; they will buy elsewhere."},
                    {"text": "Only the product name, to keep it short", "is_correct": False,
                     "feedback": "Short sentences are good, but the customer still needs the facts."},
                ],
            }),
            ("numeric", {
                "prompt": (
                    "A weaver sells a scarf for 400 lira. Packaging costs 15 lira and cargo costs 75 lira. "
                    "She wants one clear price with delivery included and the same profit as before. "
                    "What price should she show?"
                ),
                "answer": "490",
                "tolerance": "0",
                "unit": "lira",
                "feedback": (
                    "Delivery costs her 15 + 75 = 90 lira. 400 + 90 = 490 lira with delivery included. "
                    "If she offered free delivery at 400, she would earn 90 lira less on every scarf."
                ),
            }),
            ("true_false", {
                "prompt": "Paying for a few good reviews is a safe way to get started on a marketplace.",
                "is_true": False,
                "feedback": (
                    "Never write or buy fake reviews: on marketplaces it can get your account closed. "
                    "Ask happy customers for a short review or a photo instead."
                ),
                "feedback_true": "Not quite: bought reviews can get your account closed.",
                "feedback_false": "Right.",
            }),
        ],
    },
    # ------------------------------------------------------------------
    # 6. Take card and mobile payments safely
    # ------------------------------------------------------------------
    "card-and-mobile-payments": {
        "slug": "payments-quiz",
        "title": "Quiz: card and mobile payments",
        "intro": (
            "Check that you can compare payment fees, spot common scams and match payments to your cash book. "
            "The sums use Linh's guest house and the phone repair shop."
        ),
        "pass_mark": 75,
        "max_attempts": 3,
        "scoring": "all_or_nothing",
        "questions": [
            ("single_choice", {
                "prompt": "What do card readers usually charge?",
                "feedback": (
                    "Usually 1.5% to 3.5% of each sale. Some providers also charge a monthly fee or sell you "
                    "the device. Get the price list in writing."
                ),
                "options": [
                    {"text": "1.5% to 3.5% of each sale", "is_correct": True, "feedback": "Correct."},
                    {"text": "Nothing: card payments are always free", "is_correct": False,
                     "feedback": "Card readers almost always take a percentage."},
                    {"text": "About 20% of each sale", "is_correct": False, "feedback": "That would be very high."},
                ],
            }),
            ("numeric", {
                "prompt": (
                    "Linh takes 1200 units a month by QR code at a 0.5% fee, and 1200 units by card reader A at "
                    "a 2.5% fee, with no monthly fees. What do the fees cost her in total each month?"
                ),
                "answer": "36",
                "tolerance": "0",
                "unit": "units",
                "feedback": (
                    "QR code: 0.5% × 1,200 = 6 units. Reader A: 2.5% × 1,200 = 30 units. "
                    "Total: 6 + 30 = 36 units a month. A mix of methods is often cheapest."
                ),
            }),
            ("single_choice", {
                "prompt": (
                    "Card reader B charges 1% less per sale than reader A, but costs 20 units a month. "
                    "Above what level of monthly card sales is reader B cheaper?"
                ),
                "feedback": (
                    "20 ÷ 1% = 2,000 units. Below 2,000 a month, the monthly fee costs more than the 1% you save. "
                    "With 1,200 of card sales, Linh chose reader A."
                ),
                "options": [
                    {"text": "2,000 units", "is_correct": True, "feedback": "Correct."},
                    {"text": "200 units", "is_correct": False, "feedback": "1% of 200 is only 2 units, far below 20."},
                    {"text": "1,200 units", "is_correct": False,
                     "feedback": "At 1,200, reader B costs 38 units against 30 for reader A."},
                    {"text": "20,000 units", "is_correct": False,
                     "feedback": "Reader B is already cheaper well before this."},
                ],
            }),
            ("true_false", {
                "prompt": "A payment screenshot on the customer's phone is enough proof that the money has arrived.",
                "is_true": False,
                "feedback": (
                    "Screenshots and messages are easy to fake. Before you hand over goods, check your own "
                    "app or account."
                ),
                "feedback_true": "Not quite: always check your own app, never the customer's phone.",
                "feedback_false": "Right.",
            }),
            ("multiple_choice", {
                "prompt": "Which of these are warning signs of a payment scam? Choose all that apply.",
                "feedback": (
                    "Be suspicious of overpayments, \"money sent by mistake\" and pressure to share codes. "
                    "Refund only money that is clearly in your own account, and only to the same account."
                ),
                "options": [
                    {"text": "Someone pays 500 instead of 50 and asks you to send back 450", "is_correct": True,
                     "feedback": ""},
                    {"text": "A message says your account will be blocked unless you send the code on your phone",
                     "is_correct": True, "feedback": ""},
                    {"text": "An unknown number says they sent you money by mistake and asks for it back",
                     "is_correct": True, "feedback": ""},
                    {"text": "A regular customer pays the right amount and it shows in your own app",
                     "is_correct": False, "feedback": "This is a normal, checked payment."},
                    {"text": "Your provider's usual fee appears on your monthly statement", "is_correct": False,
                     "feedback": "This is normal: record the fee as a business cost."},
                ],
            }),
            ("numeric", {
                "prompt": (
                    "Your cash book shows 3450 units of mobile money sales last week. The mobile money statement "
                    "shows 3300 units. How big is the difference you need to follow up?"
                ),
                "answer": "150",
                "tolerance": "0",
                "unit": "units",
                "feedback": (
                    "3,450 − 3,300 = 150 units. In the course, ticking payments one by one found a repair "
                    "marked \"paid\" after staff accepted a screenshot. The owner called the customer, who paid."
                ),
            }),
            ("true_false", {
                "prompt": "A real bank may phone you and ask for your one-time code to protect your account.",
                "is_true": False,
                "feedback": (
                    "A real bank never asks for your PIN, password or one-time code. Do not click links; "
                    "call your provider on the number on your card or in the official app."
                ),
                "feedback_true": "Not quite: this is phishing. Never share the code.",
                "feedback_false": "Right.",
            }),
        ],
    },
    # ------------------------------------------------------------------
    # 7. Get ready to export
    # ------------------------------------------------------------------
    "get-ready-to-export": {
        "slug": "export-quiz",
        "title": "Quiz: get ready to export",
        "intro": (
            "Check what you learned about readiness, Incoterms, landed cost, documents and getting paid. "
            "In questions with several answers, each right choice earns part of the mark."
        ),
        "pass_mark": 70,
        "max_attempts": 3,
        "scoring": "partial",
        "questions": [
            ("single_choice", {
                "prompt": "A cooperative answers \"yes\" to 6 of the 9 export self-check questions. What should it do?",
                "feedback": (
                    "5–7 yes means close: fix the gaps first, then start. The mango cooperative made a six-month "
                    "plan for capacity, packaging and food safety rules, and then scored 9."
                ),
                "options": [
                    {"text": "Fix the gaps first, then start looking for buyers", "is_correct": True,
                     "feedback": "Correct."},
                    {"text": "Start looking for buyers straight away", "is_correct": False,
                     "feedback": "That is for 8–9 yes."},
                    {"text": "Give up on exporting", "is_correct": False,
                     "feedback": "Each \"no\" is a task for your plan, not a reason to give up."},
                ],
            }),
            ("single_choice", {
                "prompt": "You sell \"CIF Hamburg\". Who carries the risk while the goods are at sea?",
                "feedback": (
                    "Under CIF the seller pays sea freight and basic insurance, but the risk passes to the buyer "
                    "when the goods are loaded in the seller's port."
                ),
                "options": [
                    {"text": "The buyer", "is_correct": True, "feedback": "Correct."},
                    {"text": "The seller", "is_correct": False,
                     "feedback": "The seller pays the freight, but the risk has already passed at loading."},
                    {"text": "Nobody: CIF goods cannot be lost", "is_correct": False,
                     "feedback": "Goods can be lost or damaged; Incoterms say who carries that risk."},
                ],
            }),
            ("numeric", {
                "prompt": (
                    "1000 jars of honey cost 3365 USD CIF. Import duty is 5% of the CIF value, the customs agent "
                    "and port charges are 200 USD, and the truck to the importer's warehouse is 150 USD. "
                    "What is the landed cost of the whole order? Type digits only."
                ),
                "answer": "3883",
                "tolerance": "1",
                "unit": "USD",
                "feedback": (
                    "Duty: 5% × 3,365 = about 168 USD. Landed cost: 3,365 + 168 + 200 + 150 = 3,883 USD, "
                    "or about 3.88 USD a jar. After the importer's and shop's margins and tax, it reaches "
                    "about 8.87 USD on the shelf."
                ),
            }),
            ("multiple_choice", {
                "prompt": "What should a commercial invoice show? Choose all that apply.",
                "feedback": (
                    "Names and addresses of seller and buyer, invoice number and date, a description with the HS "
                    "code, quantity, prices and currency, the Incoterm and place, country of origin and payment "
                    "terms. Customs uses it to calculate duty."
                ),
                "options": [
                    {"text": "Names and addresses of the seller and the buyer", "is_correct": True, "feedback": ""},
                    {"text": "A description of the goods and their HS code", "is_correct": True, "feedback": ""},
                    {"text": "The Incoterm and place, for example FOB Callao", "is_correct": True, "feedback": ""},
                    {"text": "Your own cost price and profit margin", "is_correct": False,
                     "feedback": "The invoice shows the price you charge, not your costs."},
                ],
            }),
            ("multiple_choice", {
                "prompt": "Which of these are warning signs that a \"buyer\" may not be genuine? Choose all that apply.",
                "feedback": (
                    "Be careful with buyers who ask for a registration fee, a certificate from a company they "
                    "choose, or large free samples. Check the company's registration, address and references first."
                ),
                "options": [
                    {"text": "They ask you to pay a registration fee", "is_correct": True, "feedback": ""},
                    {"text": "They ask you to buy a certificate from a company they choose", "is_correct": True,
                     "feedback": ""},
                    {"text": "They ask for large free samples", "is_correct": True, "feedback": ""},
                    {"text": "They ask for your price list and minimum order size", "is_correct": False,
                     "feedback": "Serious buyers ask for these."},
                ],
            }),
            ("numeric", {
                "prompt": (
                    "A furniture workshop gets a first order of 4000 USD from a new buyer. They agree a 40% "
                    "deposit. How much is the deposit, in USD?"
                ),
                "answer": "1600",
                "tolerance": "0",
                "unit": "USD",
                "feedback": (
                    "40% × 4,000 = 1,600 USD, which pays for the wood. The other 2,400 USD is paid before the "
                    "shipping documents are sent. A deposit plus payment before documents is a safe start."
                ),
            }),
            ("true_false", {
                "prompt": "Open account terms (you ship first, the buyer pays 30 to 90 days later) are a safe choice for a first order from a new buyer.",
                "is_true": False,
                "feedback": (
                    "Open account is the riskiest option for you. Use it only with buyers you know and trust, "
                    "or with export credit insurance."
                ),
                "feedback_true": "Not quite: once goods have left, they are very hard to get back.",
                "feedback_false": "Right.",
            }),
        ],
    },
    # ------------------------------------------------------------------
    # 8. Meet buyers' quality standards
    # ------------------------------------------------------------------
    "meet-quality-standards": {
        "slug": "quality-quiz",
        "title": "Quiz: meet quality standards",
        "intro": (
            "Check that you can read a specification, plan quality checks, keep food safe and keep records. "
            "In questions with several answers, each right choice earns part of the mark."
        ),
        "pass_mark": 70,
        "max_attempts": 3,
        "scoring": "partial",
        "questions": [
            ("single_choice", {
                "prompt": "For a business buyer, what does \"quality\" mean?",
                "feedback": (
                    "The product matches what was agreed, every time. A shop buying 200 cushion covers needs all "
                    "200 to look the same."
                ),
                "options": [
                    {"text": "The product matches what was agreed, every time", "is_correct": True,
                     "feedback": "Correct."},
                    {"text": "The product uses the most expensive materials", "is_correct": False,
                     "feedback": "Expensive is not the point: matching the agreement is."},
                    {"text": "The product looks better than anyone else's", "is_correct": False,
                     "feedback": "A buyer wants what was agreed, not a surprise."},
                ],
            }),
            ("numeric", {
                "prompt": "A buyer's spec says table runners must be 180 cm ± 2 cm long. What is the longest runner the buyer accepts?",
                "answer": "182",
                "tolerance": "0",
                "unit": "cm",
                "feedback": (
                    "± 2 cm means from 178 to 182 cm. The weaver's loom gave 176 to 184 cm, so she told the buyer, "
                    "adjusted the loom and measured the first 20 pieces."
                ),
            }),
            ("numeric", {
                "prompt": (
                    "A bakery packs 12 biscuits in a box. To be sure every box reaches 300 g, it aims for "
                    "26 g per biscuit. How much should a box of 12 weigh, in grams?"
                ),
                "answer": "312",
                "tolerance": "0",
                "unit": "g",
                "feedback": (
                    "12 × 26 = 312 g. At 25 g, a box is exactly 300 g, but some biscuits weigh only 23 g, so some "
                    "boxes would be underweight. Check that tolerances and pack weights fit together."
                ),
            }),
            ("multiple_choice", {
                "prompt": "At which points should you check quality? Choose all that apply.",
                "feedback": (
                    "Check at three points: materials when they arrive, the first piece and then regularly during "
                    "production, and a random sample before shipping. Fix the cause, not only the piece."
                ),
                "options": [
                    {"text": "When materials arrive", "is_correct": True, "feedback": ""},
                    {"text": "On the first piece of each batch, then regularly during production",
                     "is_correct": True, "feedback": ""},
                    {"text": "On a random sample of finished goods before shipping", "is_correct": True,
                     "feedback": ""},
                    {"text": "Only when a customer complains", "is_correct": False,
                     "feedback": "By then it is too late and too expensive to fix."},
                ],
            }),
            ("true_false", {
                "prompt": "Cooked food can safely stay at room temperature all day if it is covered.",
                "is_true": False,
                "feedback": (
                    "Do not leave cooked food at room temperature for more than two hours. Keep cold food below "
                    "5 °C and hot food above 60 °C."
                ),
                "feedback_true": "Not quite: a cover does not stop germs from growing.",
                "feedback_false": "Right.",
            }),
            ("multiple_choice", {
                "prompt": "What do most food labels need to show? Choose all that apply.",
                "feedback": (
                    "Most food labels need the product name, ingredients, allergens, net quantity, dates and "
                    "storage, the producer's name and address, the batch number and the country of origin. "
                    "Always check the rules of the country where you sell."
                ),
                "options": [
                    {"text": "Ingredients, from largest amount to smallest", "is_correct": True, "feedback": ""},
                    {"text": "Allergens such as nuts, milk, eggs and wheat", "is_correct": True, "feedback": ""},
                    {"text": "The batch or lot number", "is_correct": True, "feedback": ""},
                    {"text": "What you paid for the ingredients", "is_correct": False,
                     "feedback": "Your costs are private; they do not go on the label."},
                    {"text": "The names of the staff who made it", "is_correct": False,
                     "feedback": "Record who made a batch in your production records, not on the label."},
                ],
            }),
            ("single_choice", {
                "prompt": "Using the course's system, what does the batch number 250314-2 mean?",
                "feedback": (
                    "Date plus batch count: the second batch on 14 March 2025. With it, the bakery traced bitter "
                    "biscuits to walnuts from one supplier's lot and fixed the problem fast."
                ),
                "options": [
                    {"text": "The second batch made on 14 March 2025", "is_correct": True, "feedback": "Correct."},
                    {"text": "Box 2 of order number 250314", "is_correct": False,
                     "feedback": "The first part is a date: year, month, day."},
                    {"text": "The 14th batch of March, made by worker 2", "is_correct": False,
                     "feedback": "Read it as 25-03-14, then the batch count."},
                ],
            }),
        ],
    },
}
