"""Demo course texts, part A: pricing, simple books, customers and a one-page business plan."""

COURSES = [
    # ------------------------------------------------------------------
    # 1. Price your products so they pay
    # ------------------------------------------------------------------
    {
        "slug": "price-your-products",
        "title": "Price your products so they pay",
        "summary": (
            "Learn to find the true cost of what you make, then set a price that covers it, "
            "pays you and still makes sense to your customers."
        ),
        "audience": (
            "For people who make and sell goods, such as food, clothes or crafts, and are not sure "
            "their prices cover all their costs."
        ),
        "level": "beginner",
        "topics": ["pricing-and-costs"],
        "sectors": ["food-processing", "handicrafts", "textiles-and-clothing"],
        "outcomes": [
            "List every cost of your business, including your own time.",
            "Work out the full cost of one product with a simple method.",
            "Set a price with a clear profit and check it against the market.",
            "Decide when a discount helps you and when it only costs you money.",
            "Review your prices calmly when your costs go up.",
        ],
        "parent": "courses",
        "prerequisites": [],
        "modules": [
            {
                "slug": "know-your-costs",
                "title": "Know your costs",
                "intro": "Before you can set a good price, you need to know what one product really costs you.",
                "lessons": [
                    {
                        "slug": "know-every-cost",
                        "title": "Know every cost",
                        "summary": (
                            "Your costs come in three groups: materials, labour and overheads. "
                            "See what belongs in each group, and why your own time counts too."
                        ),
                        "minutes": 8,
                        "body": [
                            ("paragraph", (
                                "<p>Many small businesses are busy every day and still have no money at the "
                                "end of the month. Very often the reason is simple: the price does not cover "
                                "all the costs. Some costs are easy to see. Others hide.</p>"
                            )),
                            ("heading", {"text": "Three groups of costs", "level": "h2"}),
                            ("paragraph", (
                                "<p>Put every cost into one of three groups:</p>"
                                "<ul>"
                                "<li><b>Materials.</b> Everything that goes into the product: fabric, flour, "
                                "wood, thread, glue, paint, bags and labels.</li>"
                                "<li><b>Labour.</b> The time it takes to make the product. This means the pay "
                                "of your helpers <i>and</i> a fair pay for your own hours.</li>"
                                "<li><b>Overheads.</b> Costs you pay even on a quiet day: rent, electricity, "
                                "water, phone, transport, licences, and repairs to tools and machines.</li>"
                                "</ul>"
                            )),
                            ("heading", {"text": "An example from a tailor", "level": "h2"}),
                            ("paragraph", (
                                "<p>Amina is a tailor in Nairobi. For one shirt she uses 2 metres of fabric at "
                                "250 KES a metre, so 500 KES. Thread, buttons and collar lining add 60 KES. "
                                "Her materials are 560 KES.</p>"
                                "<p>A shirt takes her 3 hours. She decides her time is worth 150 KES an hour, "
                                "so her labour is 450 KES.</p>"
                                "<p>Each month she pays 9,000 KES for rent, electricity, phone and machine "
                                "repairs. She makes about 60 shirts a month, so each shirt must carry "
                                "150 KES of overheads.</p>"
                                "<p>Her full cost is 560 + 450 + 150 = <b>1,160 KES</b>. Before, she only "
                                "counted the fabric and sold shirts for 900 KES. She was working for almost "
                                "nothing.</p>"
                            )),
                            ("callout", {
                                "kind": "warning",
                                "title": "Your time is a cost",
                                "text": (
                                    "<p>If you do not pay yourself in your price, you are giving your work away. "
                                    "Ask: what would I pay someone else to do this work?</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Sort every cost into materials, labour or overheads.",
                                "Count your own hours at a fair rate.",
                                "Share monthly overheads across the products you make in a month.",
                                "Small items like thread and bags add up: write them down.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "cost-of-one-unit",
                        "title": "Work out the cost of one unit",
                        "summary": (
                            "Follow a bakery in Tbilisi step by step as it finds the full cost of one "
                            "cheese bread. Then use the same steps for your own product."
                        ),
                        "minutes": 10,
                        "body": [
                            ("paragraph", (
                                "<p>A \"unit\" is one item you sell: one loaf, one shirt, one chair, one jar. "
                                "When you make things in batches, it is easiest to cost the whole batch first, "
                                "then divide.</p>"
                            )),
                            ("heading", {"text": "Worked example: Nino's khachapuri", "level": "h2"}),
                            ("paragraph", (
                                "<p>Nino runs a small bakery in Tbilisi. She bakes one batch of 30 khachapuri "
                                "(cheese breads) each day.</p>"
                                "<p><b>Step 1: materials for one batch</b></p>"
                                "<ul>"
                                "<li>Flour, 5 kg at 2.00 GEL: 10.00 GEL</li>"
                                "<li>Cheese, 6 kg at 14.00 GEL: 84.00 GEL</li>"
                                "<li>Eggs, butter, yeast and salt: 11.00 GEL</li>"
                                "<li>Paper bags, 30 at 0.15 GEL: 4.50 GEL</li>"
                                "<li>Gas for the oven: 4.50 GEL</li>"
                                "</ul>"
                                "<p>Total: 114.00 GEL. Per piece: 114.00 ÷ 30 = <b>3.80 GEL</b>.</p>"
                                "<p><b>Step 2: labour</b>. The batch needs 3 hours of work at 10 GEL an hour, "
                                "counting Nino's own time. That is 30 GEL, or <b>1.00 GEL</b> per piece.</p>"
                                "<p><b>Step 3: overheads</b>. Rent, electricity, water, phone and fees come to "
                                "900 GEL a month. She bakes 26 days, so 780 pieces. 900 ÷ 780 = "
                                "<b>1.15 GEL</b> per piece.</p>"
                                "<p><b>Step 4: add them up</b>. 3.80 + 1.00 + 1.15 = <b>5.95 GEL</b>. "
                                "This is the lowest price at which Nino does not lose money.</p>"
                            )),
                            ("callout", {
                                "kind": "tip",
                                "title": "Use real numbers",
                                "text": (
                                    "<p>Take prices from your latest receipts, not from memory. Weigh what goes "
                                    "into one batch at least once.</p>"
                                ),
                            }),
                            ("paragraph", (
                                "<p>If you make fewer pieces in a slow month, each piece carries more "
                                "overheads. Cost your product for a normal month, not your best one.</p>"
                            )),
                            ("takeaways", {"title": "Key points", "points": [
                                "Cost a whole batch, then divide by the number of pieces.",
                                "Unit cost = materials + labour + share of overheads.",
                                "Use a normal month to share out overheads.",
                                "Your unit cost is your floor: never sell below it for long.",
                            ]}),
                        ],
                    },
                ],
            },
            {
                "slug": "set-and-keep-your-price",
                "title": "Set and keep your price",
                "intro": "Turn your cost into a price that pays, and protect it when discounts and rising costs test it.",
                "lessons": [
                    {
                        "slug": "margin-and-market",
                        "title": "Choose a profit and check the market",
                        "summary": (
                            "Add a profit on top of your cost, then compare the result with what "
                            "customers pay elsewhere."
                        ),
                        "minutes": 10,
                        "body": [
                            ("paragraph", (
                                "<p>Your cost tells you the lowest price. Your profit is what you add on top. "
                                "Profit is not greed: it pays for new tools, bad months and growth.</p>"
                            )),
                            ("heading", {"text": "Step 1: add a profit", "level": "h2"}),
                            ("paragraph", (
                                "<p>Nino's khachapuri costs 5.95 GEL. She adds 30% of the cost: "
                                "5.95 × 0.30 = 1.79 GEL. Her first price is 5.95 + 1.79 = 7.74 GEL, which "
                                "she rounds to <b>7.75 GEL</b>. She earns 1.80 GEL on each piece.</p>"
                                "<p>The 30% added to cost is called a <i>markup</i>. Many small food and craft "
                                "businesses use between 20% and 50%. Choose one, then test it.</p>"
                            )),
                            ("heading", {"text": "Step 2: look at the market", "level": "h2"}),
                            ("paragraph", (
                                "<p>Nino visits three bakeries nearby. They sell similar khachapuri for "
                                "7.00, 8.00 and 8.50 GEL. Her 7.75 GEL sits in the middle. Good.</p>"
                                "<p>What if your price is much higher than the market? Do not just cut it. "
                                "Instead:</p>"
                                "<ul>"
                                "<li>look for cheaper materials or less waste;</li>"
                                "<li>make the product faster, or in bigger batches;</li>"
                                "<li>give customers a clear reason to pay more, such as better quality, "
                                "a nicer finish or delivery.</li>"
                                "</ul>"
                                "<p>If the market price is below your cost, that product may not be worth "
                                "making.</p>"
                            )),
                            ("video", {
                                "url": "https://www.youtube.com/watch?v=Q4kVwF0cA1s",
                                "title": "Checking your price against the market",
                                "duration": "4:30",
                                "transcript": (
                                    "<p>Start with your full cost for one item. Add the profit you need. "
                                    "Then go and look: visit three or four sellers of something similar and "
                                    "write down their prices. Note what is different: size, quality, place, "
                                    "service. If your price is in the same range, keep it. If it is higher, "
                                    "explain the difference to customers or find ways to lower your cost. "
                                    "Never copy a competitor's price without knowing your own cost.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Price = unit cost + the profit you choose.",
                                "Profit pays for tools, bad months and growth.",
                                "Compare with at least three similar sellers.",
                                "If your price is too high, cut costs or add value before cutting profit.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "discounts",
                        "title": "Discounts: when to give them and when not to",
                        "summary": (
                            "A small discount can eat a big part of your profit. Learn to do the sum "
                            "before you say yes."
                        ),
                        "minutes": 8,
                        "body": [
                            ("paragraph", (
                                "<p>Customers often ask for a lower price. It feels friendly to say yes. "
                                "But a discount comes straight out of your profit, not out of your costs.</p>"
                            )),
                            ("heading", {"text": "Do the sum first", "level": "h2"}),
                            ("paragraph", (
                                "<p>Luis has a furniture workshop in Lima. One chair costs him 180 soles to "
                                "make. He sells it for 240 soles, so he earns 60 soles.</p>"
                                "<ul>"
                                "<li>With 10% off, he gets 216 soles. His profit falls to 36 soles. "
                                "A 10% discount took 40% of his profit.</li>"
                                "<li>With 20% off, he gets 192 soles. His profit is only 12 soles.</li>"
                                "</ul>"
                                "<p>At 10% off, Luis must sell about 5 chairs to earn what 3 chairs "
                                "earned before.</p>"
                            )),
                            ("heading", {"text": "Good reasons for a discount", "level": "h2"}),
                            ("paragraph", (
                                "<ul>"
                                "<li>A large order that saves you time or materials.</li>"
                                "<li>Payment in full, in advance.</li>"
                                "<li>Old stock that will not sell otherwise.</li>"
                                "<li>A quiet season, for a short and fixed time.</li>"
                                "</ul>"
                                "<p>Poor reasons: the customer simply asks, a regular customer who would buy "
                                "anyway, or any price that falls below your cost.</p>"
                            )),
                            ("callout", {
                                "kind": "tip",
                                "title": "Give something instead",
                                "text": (
                                    "<p>Instead of cutting the price, add something small that costs you little: "
                                    "free delivery nearby, a cushion, a gift bag. Luis adds a seat cushion that "
                                    "costs him 15 soles instead of taking 24 soles off.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "A discount comes out of your profit, not your costs.",
                                "Work out your profit after the discount before you agree.",
                                "Discount for a reason: big orders, advance payment, old stock.",
                                "Adding a small extra often costs less than a discount.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "review-prices-when-costs-rise",
                        "title": "Review your prices when costs rise",
                        "summary": (
                            "Costs change, so prices must too. Set a simple routine to check them, and "
                            "learn how to raise a price without losing good customers."
                        ),
                        "minutes": 9,
                        "body": [
                            ("paragraph", (
                                "<p>A price that was right last year may be wrong today. Fabric, flour, fuel "
                                "and rent go up. If your price stays the same, your profit quietly shrinks.</p>"
                            )),
                            ("heading", {"text": "Example: the price of fabric rises", "level": "h2"}),
                            ("paragraph", (
                                "<p>Amina's shirt cost 1,160 KES: fabric 500, trims 60, her time 450, "
                                "overheads 150. She sold it for 1,500 KES and earned 340 KES.</p>"
                                "<p>Then fabric rose from 250 to 300 KES a metre. Two metres now cost 600 KES, "
                                "so the shirt costs <b>1,260 KES</b>. At 1,500 KES, she earns only 240 KES. "
                                "That is almost a third less, on every shirt.</p>"
                                "<p>To keep her 340 KES profit, her new price is 1,260 + 340 = "
                                "<b>1,600 KES</b>. She checks the market: other tailors charge 1,500 to "
                                "1,800 KES. Her new price still fits.</p>"
                            )),
                            ("heading", {"text": "A simple routine", "level": "h2"}),
                            ("paragraph", (
                                "<ol>"
                                "<li>Every three months, update your unit cost with new receipts.</li>"
                                "<li>Check sooner if a main material rises by more than one tenth.</li>"
                                "<li>Compare your profit per unit with last time.</li>"
                                "<li>Decide: raise the price, lower a cost, or change the product.</li>"
                                "</ol>"
                            )),
                            ("callout", {
                                "kind": "note",
                                "title": "Telling customers",
                                "text": (
                                    "<p>Give regular customers two or three weeks' notice. Explain in one "
                                    "sentence: \"Fabric prices went up, so from the 1st my shirts are 1,600 KES.\" "
                                    "Most people understand. Small steps are easier to accept than one big jump.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Rising costs shrink your profit if prices stay still.",
                                "Update your unit cost every three months.",
                                "Raise prices in small steps and give notice.",
                                "Check the market again after each change.",
                            ]}),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 2. Keep simple books and watch your cash
    # ------------------------------------------------------------------
    {
        "slug": "keep-simple-books",
        "title": "Keep simple books and watch your cash",
        "summary": (
            "Set up a simple cash book, track who owes you, work out your monthly profit and plan "
            "your cash for the next three months."
        ),
        "audience": (
            "For shop owners, repairers, food makers and anyone who runs a small business from a "
            "cash box, a phone wallet or a notebook."
        ),
        "level": "beginner",
        "topics": ["bookkeeping-and-cash", "finance-and-loans"],
        "sectors": ["retail-and-trade", "repair-and-services", "food-processing"],
        "outcomes": [
            "Separate business money from household money.",
            "Keep a daily cash book and check it against the cash you hold.",
            "Track credit sales and collect money owed to you.",
            "Work out your profit for a month and plan your cash for three months.",
            "Prepare the records a lender asks for.",
        ],
        "parent": "courses",
        "prerequisites": [],
        "modules": [
            {
                "slug": "track-money-every-day",
                "title": "Track your money every day",
                "intro": "A few minutes of writing each day shows you where your money comes from and where it goes.",
                "lessons": [
                    {
                        "slug": "separate-business-and-household",
                        "title": "Separate business and household money",
                        "summary": (
                            "Mixing business cash with family money hides whether the business earns. "
                            "Learn three simple ways to keep them apart."
                        ),
                        "minutes": 7,
                        "body": [
                            ("paragraph", (
                                "<p>Many owners take school fees, food or bus fares from the shop's cash box. "
                                "It feels normal: it is all your money. But when the two are mixed, you cannot "
                                "tell if the business is making money or slowly losing it.</p>"
                            )),
                            ("heading", {"text": "Three ways to keep them apart", "level": "h2"}),
                            ("paragraph", (
                                "<ol>"
                                "<li><b>Two places for money.</b> Use one box, bank account or mobile money "
                                "wallet for the business only. Household money lives somewhere else.</li>"
                                "<li><b>Pay yourself a fixed amount.</b> Choose a weekly or monthly sum and move "
                                "it from the business to the household on a fixed day. Write it down.</li>"
                                "<li><b>Write down every exception.</b> If you must take extra, note the date and "
                                "the amount as \"owner took\". It is not a business cost.</li>"
                                "</ol>"
                            )),
                            ("heading", {"text": "Example: a phone repair stall", "level": "h2"}),
                            ("paragraph", (
                                "<p>Joseph repairs phones in a market. He used to take money from the drawer "
                                "whenever his family needed it. At the end of each month the drawer was empty, "
                                "and he thought the business was failing.</p>"
                                "<p>He started paying himself 100 units every Saturday and keeping notes. After "
                                "two months he saw that the stall earned about 550 units a month. The problem "
                                "was not the business: he had been taking out more than it earned.</p>"
                            )),
                            ("callout", {
                                "kind": "tip",
                                "title": "Start small",
                                "text": (
                                    "<p>If you cannot open a separate account yet, start with a separate envelope "
                                    "or tin. The habit matters more than the tool.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Keep business money in its own box, account or wallet.",
                                "Pay yourself a fixed amount on a fixed day.",
                                "Write down any extra money you take out.",
                                "Only separate money shows whether the business earns.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "daily-cash-book",
                        "title": "Keep a daily cash book",
                        "summary": (
                            "Write down money in and money out each day, then count your cash. "
                            "See a full example week from a small grocery shop."
                        ),
                        "minutes": 12,
                        "body": [
                            ("paragraph", (
                                "<p>A cash book is a notebook (or a phone note) with one line for each day. "
                                "It answers one question: how much cash should I have right now?</p>"
                            )),
                            ("heading", {"text": "Four numbers a day", "level": "h2"}),
                            ("paragraph", (
                                "<ul>"
                                "<li><b>Opening cash</b>: what you had when you opened.</li>"
                                "<li><b>Money in</b>: sales, and old debts paid to you.</li>"
                                "<li><b>Money out</b>: stock, transport, wages, bills, and money you took home.</li>"
                                "<li><b>Closing cash</b> = opening + in − out. This is tomorrow's opening.</li>"
                                "</ul>"
                            )),
                            ("heading", {"text": "An example week", "level": "h2"}),
                            ("paragraph", (
                                "<p>Rosa runs a small grocery shop. All amounts are in units.</p>"
                                "<ul>"
                                "<li>Monday: open 500, in 820, out 640 (stock 600, transport 40), close 680.</li>"
                                "<li>Tuesday: open 680, in 760, out 90 (electricity), close 1,350.</li>"
                                "<li>Wednesday: open 1,350, in 690, out 1,050 (stock 900, owner took 150), "
                                "close 990.</li>"
                                "<li>Thursday: open 990, in 830 (sales 710, old debt 120), out 35 (bags), "
                                "close 1,785.</li>"
                                "<li>Friday: open 1,785, in 980, out 1,100 (helper's wages 400, stock 700), "
                                "close 1,665.</li>"
                                "<li>Saturday: open 1,665, in 1,240, out 300 (stock), close 2,605.</li>"
                                "</ul>"
                                "<p>Week totals: money in 5,320, money out 3,215. Check: 500 + 5,320 − 3,215 = "
                                "2,605.</p>"
                            )),
                            ("paragraph", (
                                "<p>On Saturday evening Rosa counts 2,580 units in the box. 25 units are "
                                "missing. She finds a receipt for phone credit she forgot to write down. Now "
                                "the book and the box agree.</p>"
                            )),
                            ("callout", {
                                "kind": "warning",
                                "title": "Count every evening",
                                "text": (
                                    "<p>Small gaps are easy to explain on the same day and impossible after a "
                                    "month. Count your cash before you go home.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Write opening cash, money in, money out and closing cash each day.",
                                "Closing cash = opening + in − out.",
                                "Count the real cash and compare it with the book.",
                                "Find any difference the same day.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "credit-sales",
                        "title": "Credit sales: know who owes you",
                        "summary": (
                            "Selling on credit can keep customers loyal, but unpaid debts can empty your "
                            "cash box. Keep a credit book and collect on time."
                        ),
                        "minutes": 9,
                        "body": [
                            ("paragraph", (
                                "<p>When you sell now and get paid later, you are lending your money to the "
                                "customer. Until they pay, you cannot use that money to buy stock or pay rent.</p>"
                            )),
                            ("heading", {"text": "Keep a credit book", "level": "h2"}),
                            ("paragraph", (
                                "<p>Use a separate page or notebook. For each credit sale write:</p>"
                                "<ul>"
                                "<li>the date and the customer's name and phone number;</li>"
                                "<li>what they took and the amount;</li>"
                                "<li>the date they promised to pay;</li>"
                                "<li>each payment, and the amount still owed.</li>"
                                "</ul>"
                                "<p>Ask the customer to sign or send a short message confirming the amount. "
                                "It avoids arguments later.</p>"
                            )),
                            ("heading", {"text": "Example: a hardware shop", "level": "h2"}),
                            ("paragraph", (
                                "<p>Kwame sells building supplies in Accra. At the end of the month he adds up "
                                "his credit book: customers owe him 1,850 GHS. That is as much as he spends on "
                                "stock in two weeks. He sorts the debts by age:</p>"
                                "<ul>"
                                "<li>less than 30 days: 1,100 GHS;</li>"
                                "<li>30 to 60 days: 500 GHS;</li>"
                                "<li>more than 60 days: 250 GHS.</li>"
                                "</ul>"
                                "<p>He calls the oldest debts first, politely, and agrees small weekly "
                                "payments. He stops new credit for anyone more than 60 days late.</p>"
                            )),
                            ("callout", {
                                "kind": "tip",
                                "title": "Set a limit",
                                "text": (
                                    "<p>Decide the most you will lend to one customer, for example 200 GHS, and "
                                    "the longest time, for example 30 days. Tell customers the rule before they "
                                    "buy.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Credit is money you lend to customers.",
                                "Write every credit sale, promise date and payment.",
                                "Add up what you are owed each month and sort it by age.",
                                "Set a credit limit and follow up the oldest debts first.",
                            ]}),
                        ],
                    },
                ],
            },
            {
                "slug": "profit-and-cash-ahead",
                "title": "Know your profit and plan ahead",
                "intro": "Use your daily records to see how much you really earn and to spot cash problems before they arrive.",
                "lessons": [
                    {
                        "slug": "monthly-profit",
                        "title": "Work out your monthly profit",
                        "summary": (
                            "Profit is what is left after all business costs. Follow a bakery's month and "
                            "learn why profit and cash are not the same thing."
                        ),
                        "minutes": 10,
                        "body": [
                            ("paragraph", (
                                "<p>Cash in the box tells you what you have today. Profit tells you whether "
                                "the business earned money over the month. You need both.</p>"
                            )),
                            ("heading", {"text": "The simple sum", "level": "h2"}),
                            ("paragraph", (
                                "<p><b>Profit = sales − costs of the month.</b> Costs include materials, wages, "
                                "rent, bills, transport, repairs and interest on loans. Money you take home for "
                                "your family is <i>not</i> a cost. It comes out of the profit.</p>"
                            )),
                            ("heading", {"text": "Example: a bakery's month", "level": "h2"}),
                            ("paragraph", (
                                "<p>A family bakery in Tbilisi sold bread and pastries for 18,400 GEL in March. "
                                "Its costs were:</p>"
                                "<ul>"
                                "<li>flour, cheese, other ingredients and packaging: 8,100 GEL</li>"
                                "<li>wages for two helpers: 3,200 GEL</li>"
                                "<li>rent: 1,200 GEL</li>"
                                "<li>gas, electricity and water: 650 GEL</li>"
                                "<li>transport and phone: 350 GEL</li>"
                                "<li>oven repair: 300 GEL</li>"
                                "<li>loan interest: 200 GEL</li>"
                                "</ul>"
                                "<p>Total costs: 14,000 GEL. Profit: 18,400 − 14,000 = <b>4,400 GEL</b>. "
                                "The owners took 3,000 GEL home, so 1,400 GEL stayed in the business.</p>"
                            )),
                            ("callout", {
                                "kind": "note",
                                "title": "Profit is not cash",
                                "text": (
                                    "<p>You can make a profit and still have an empty box. Customers may owe you "
                                    "money, or you may have spent cash on extra stock. That is why you also "
                                    "need the cash book and a cash plan.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Profit = sales − all business costs of the month.",
                                "Money taken home is paid out of profit, not a cost.",
                                "Use your cash book and receipts to find the numbers.",
                                "A profit does not always mean cash in hand.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "cash-flow-forecast",
                        "title": "Plan your cash for the next three months",
                        "summary": (
                            "A cash-flow forecast is a simple guess of money in and out for each coming "
                            "month. It shows a cash gap before it hurts you."
                        ),
                        "minutes": 12,
                        "body": [
                            ("paragraph", (
                                "<p>A forecast is a careful guess. You do not need to be exact. You need to see "
                                "the months when more money will go out than come in.</p>"
                            )),
                            ("heading", {"text": "How to build it", "level": "h2"}),
                            ("paragraph", (
                                "<ol>"
                                "<li>Write the cash you have today.</li>"
                                "<li>For each of the next three months, estimate money in: sales and debts "
                                "you expect to collect.</li>"
                                "<li>Estimate money out: stock, wages, rent, bills, loan payments and your "
                                "own pay.</li>"
                                "<li>End cash = start cash + in − out. It becomes next month's start cash.</li>"
                                "</ol>"
                            )),
                            ("heading", {"text": "Example: a shop before the busy season", "level": "h2"}),
                            ("paragraph", (
                                "<p>Grace sells school supplies. Her busy season is in month 3. She starts with "
                                "1,200 units.</p>"
                                "<ul>"
                                "<li>Month 1: in 3,000, out 3,400. End: 800.</li>"
                                "<li>Month 2: in 2,600, out 3,900, including 1,500 of stock for the season. "
                                "End: <b>−500</b>.</li>"
                                "<li>Month 3: in 4,800, out 3,000. End: 1,300.</li>"
                                "</ul>"
                                "<p>The business is fine over three months, but month 2 has a gap of 500 "
                                "units. Because Grace sees it now, she can act: ask her supplier to accept half "
                                "the payment 30 days later, collect money owed to her, and wait to buy a new "
                                "shelf until month 3.</p>"
                            )),
                            ("callout", {
                                "kind": "tip",
                                "title": "Be careful, not hopeful",
                                "text": (
                                    "<p>Estimate sales a little low and costs a little high. Surprises are "
                                    "easier to handle that way.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "List money in and money out for each of the next three months.",
                                "End cash of one month is start cash of the next.",
                                "A negative month is a warning you can act on early.",
                                "Update the forecast every month with real numbers.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "receipts-and-loan-ready",
                        "title": "Keep receipts and get ready for a loan",
                        "summary": (
                            "Good records are your proof. Learn how to keep receipts safely and what a "
                            "lender usually wants to see."
                        ),
                        "minutes": 9,
                        "body": [
                            ("paragraph", (
                                "<p>A receipt proves what you paid and when. It helps you check your books, "
                                "answer tax questions and show a lender that your business is real.</p>"
                            )),
                            ("heading", {"text": "A simple receipt system", "level": "h2"}),
                            ("paragraph", (
                                "<ul>"
                                "<li>Use one envelope or folder per month. Write the month on it.</li>"
                                "<li>Put every receipt in it the same day.</li>"
                                "<li>If a supplier gives no receipt, write one yourself: date, what, amount, "
                                "name of the seller.</li>"
                                "<li>Take a photo of important receipts with your phone. Paper fades.</li>"
                                "<li>Keep mobile money and bank statements with the receipts.</li>"
                                "</ul>"
                            )),
                            ("heading", {"text": "What a lender often asks for", "level": "h2"}),
                            ("paragraph", (
                                "<ul>"
                                "<li>6 to 12 months of cash book or sales records;</li>"
                                "<li>bank or mobile money statements;</li>"
                                "<li>your monthly profit for recent months;</li>"
                                "<li>a list of who owes you and whom you owe;</li>"
                                "<li>what the loan is for, and how you will repay it;</li>"
                                "<li>your ID and any business registration or licence.</li>"
                                "</ul>"
                            )),
                            ("paragraph", (
                                "<p>Example: the bakery earns a profit of about 4,400 GEL a month. A loan "
                                "payment of 900 GEL a month leaves plenty of room for bad months. A payment of "
                                "3,500 GEL would not. Do this check yourself before you apply.</p>"
                            )),
                            ("callout", {
                                "kind": "warning",
                                "title": "Borrow for a clear purpose",
                                "text": (
                                    "<p>A loan should pay for something that earns money, such as stock or a "
                                    "machine. Borrowing to cover losses every month usually makes things worse.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Keep receipts by month, in one place, the same day.",
                                "Photograph important receipts.",
                                "Lenders want records, statements and a clear repayment plan.",
                                "Check that the repayment fits your monthly profit.",
                            ]}),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 3. Find and keep customers
    # ------------------------------------------------------------------
    {
        "slug": "find-and-keep-customers",
        "title": "Find and keep customers",
        "summary": (
            "Find out who your best customers are and why they choose you, then win more like them "
            "through referrals, follow-up and a simple customer list."
        ),
        "audience": (
            "For shopkeepers, guest house owners, craft makers and anyone who wants more repeat "
            "customers without spending much on advertising."
        ),
        "level": "beginner",
        "topics": ["marketing-and-customers"],
        "sectors": ["retail-and-trade", "tourism-and-hospitality", "handicrafts"],
        "outcomes": [
            "Identify the customers who bring you the most business.",
            "Describe in one sentence why customers choose you.",
            "Set up a simple way for happy customers to recommend you.",
            "Follow up after a sale and ask for useful feedback.",
            "Keep a customer list and stay in touch without annoying people.",
        ],
        "parent": "courses",
        "prerequisites": [],
        "modules": [
            {
                "slug": "know-your-customers",
                "title": "Know your customers",
                "intro": "Look closely at the people who already buy from you: they show you who to look for next.",
                "lessons": [
                    {
                        "slug": "best-customers",
                        "title": "Who are your best customers?",
                        "summary": (
                            "A few customers often bring most of your sales. Learn how to find them in "
                            "your own records."
                        ),
                        "minutes": 8,
                        "body": [
                            ("paragraph", (
                                "<p>Not all customers are the same. Some buy once. Others come back every month, "
                                "pay on time and bring their friends. These are your best customers, and you "
                                "want more people like them.</p>"
                            )),
                            ("heading", {"text": "Look at your last three months", "level": "h2"}),
                            ("paragraph", (
                                "<p>Take your sales book, order notes or mobile money history. For each customer "
                                "you can name, write:</p>"
                                "<ul>"
                                "<li>how often they bought;</li>"
                                "<li>how much they spent in total;</li>"
                                "<li>whether they paid on time;</li>"
                                "<li>whether they sent other customers to you.</li>"
                                "</ul>"
                            )),
                            ("heading", {"text": "Example: a basket weaver", "level": "h2"}),
                            ("paragraph", (
                                "<p>Claudine weaves baskets in Kigali. In three months she sold baskets worth "
                                "900,000 RWF to about 40 customers. When she added up the numbers, she saw "
                                "that just 8 customers bought 540,000 RWF of that. That is 60% of her sales.</p>"
                                "<p>Who were the 8? Five were gift shops in hotels. Three were women who order "
                                "baskets for weddings. Most of the other customers were tourists who bought "
                                "one basket and left.</p>"
                                "<p>Now Claudine knows where to spend her time: visit more hotel shops, and "
                                "tell wedding planners about her work.</p>"
                            )),
                            ("callout", {
                                "kind": "tip",
                                "title": "Describe them in words",
                                "text": (
                                    "<p>Write a short description of your best customer: who they are, where "
                                    "they are, what they buy, and when. For example: \"Hotel gift shops in "
                                    "Kigali that restock every month.\"</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "A small group of customers often brings most of your sales.",
                                "Use three months of records to find them.",
                                "Look at how often they buy, how much, and if they pay on time.",
                                "Spend more effort finding people like your best customers.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "why-they-choose-you",
                        "title": "What makes customers choose you",
                        "summary": (
                            "Customers have many choices. Find out the real reasons they pick you, and "
                            "put those reasons into one clear sentence."
                        ),
                        "minutes": 8,
                        "body": [
                            ("paragraph", (
                                "<p>Many owners think customers choose them only for a low price. Often that is "
                                "not true. People also choose for quality, speed, trust, a good location or a "
                                "friendly welcome. If you know your real reason, you can make it stronger and "
                                "talk about it.</p>"
                            )),
                            ("heading", {"text": "Ask, listen and read", "level": "h2"}),
                            ("paragraph", (
                                "<ul>"
                                "<li><b>Ask.</b> \"Why did you come to us and not somewhere else?\" Ask five to "
                                "ten customers. Write down their exact words.</li>"
                                "<li><b>Listen.</b> Notice what people praise or complain about.</li>"
                                "<li><b>Read.</b> If you have online reviews, look for words that repeat.</li>"
                                "</ul>"
                            )),
                            ("heading", {"text": "Example: a guest house in Vietnam", "level": "h2"}),
                            ("paragraph", (
                                "<p>Lan runs a guest house with six rooms in Hoi An. She thought guests came "
                                "because her rooms were cheap, at 400,000 VND a night. She read her last 30 "
                                "reviews. Only four mentioned price. Twenty mentioned the home-cooked breakfast, "
                                "and fifteen said Lan helped them book buses and boat trips.</p>"
                                "<p>Her sentence became: <i>\"A family guest house in Hoi An, for travellers who "
                                "want a real breakfast and a host who helps them plan their days.\"</i> She now "
                                "puts breakfast photos first on her booking page, and she has not needed to "
                                "lower her price.</p>"
                            )),
                            ("callout", {
                                "kind": "note",
                                "title": "Your sentence",
                                "text": (
                                    "<p>Fill the gaps: \"We are the ___ for ___ who want ___.\" Use it on your "
                                    "sign, your cards and your messages.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Price is rarely the only reason customers choose you.",
                                "Ask customers directly and write down their words.",
                                "Look for reasons that repeat.",
                                "Put your main reason in one sentence and use it everywhere.",
                            ]}),
                        ],
                    },
                ],
            },
            {
                "slug": "keep-them-coming-back",
                "title": "Keep them coming back",
                "intro": "Happy customers return and bring others, if you make it easy for them.",
                "lessons": [
                    {
                        "slug": "word-of-mouth",
                        "title": "Word of mouth and referrals",
                        "summary": (
                            "Recommendations from happy customers are the cheapest and most trusted way "
                            "to grow. Learn how to encourage them."
                        ),
                        "minutes": 8,
                        "body": [
                            ("paragraph", (
                                "<p>People trust a friend more than any advert. When a happy customer tells "
                                "others about you, that is word of mouth. A referral is when they send someone "
                                "to you directly.</p>"
                            )),
                            ("heading", {"text": "Make it easy to recommend you", "level": "h2"}),
                            ("paragraph", (
                                "<ul>"
                                "<li><b>Give something to pass on.</b> A small card or sticker with your name, "
                                "phone number and what you do.</li>"
                                "<li><b>Ask at the right moment.</b> When a customer says thank you or praises "
                                "your work, say: \"If you know anyone who needs this, please send them to me.\"</li>"
                                "<li><b>Say thank you.</b> When a new customer says who sent them, thank that "
                                "person with a message or a small gift.</li>"
                                "</ul>"
                            )),
                            ("heading", {"text": "Example: a simple reward", "level": "h2"}),
                            ("paragraph", (
                                "<p>Lan's guest house offers a free dinner to any guest whose friend books a "
                                "stay. The dinner costs her about 60,000 VND to make. A new guest staying "
                                "two nights brings 800,000 VND. In one season, 14 new bookings came from "
                                "referrals. The dinners cost 840,000 VND in total. Those 14 bookings brought "
                                "in about 11,200,000 VND.</p>"
                                "<p>A reward does not need to be money. A small discount on the next order, an "
                                "extra item or a personal thank-you note also works.</p>"
                            )),
                            ("callout", {
                                "kind": "warning",
                                "title": "Quality first",
                                "text": (
                                    "<p>Word of mouth works both ways. One unhappy customer can tell many people. "
                                    "Deal with problems quickly and fairly.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Recommendations are cheap and trusted.",
                                "Give customers a card or a message they can pass on.",
                                "Ask for referrals when customers are happy.",
                                "Thank the people who send you new customers.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "follow-up-and-feedback",
                        "title": "Follow up and ask for feedback",
                        "summary": (
                            "A short message after a sale shows you care and teaches you how to improve. "
                            "Learn what to ask and how to handle complaints."
                        ),
                        "minutes": 8,
                        "body": [
                            ("paragraph", (
                                "<p>Most businesses forget the customer once they are paid. A quick follow-up "
                                "makes you stand out. It also catches problems before they turn into bad "
                                "stories.</p>"
                            )),
                            ("heading", {"text": "When and how", "level": "h2"}),
                            ("paragraph", (
                                "<p>Send a message or make a call a few days to a week after the sale. Keep it "
                                "short. Ask two or three simple questions:</p>"
                                "<ol>"
                                "<li>Are you happy with what you bought?</li>"
                                "<li>Is there anything we could do better?</li>"
                                "<li>Would you recommend us to a friend?</li>"
                                "</ol>"
                            )),
                            ("heading", {"text": "Example: a furniture workshop", "level": "h2"}),
                            ("paragraph", (
                                "<p>Luis in Lima delivers about 20 pieces of furniture a month. A week after "
                                "each delivery, he sends a message: \"Good afternoon, this is Luis from the "
                                "workshop. Is the table working well for you?\"</p>"
                                "<p>Most people reply with thanks. One customer said a table wobbled on her "
                                "uneven floor. Luis went back and fitted adjustable feet, which cost him "
                                "8 soles. She later ordered six chairs and sent her brother to him.</p>"
                            )),
                            ("callout", {
                                "kind": "tip",
                                "title": "Handling a complaint",
                                "text": (
                                    "<p>Listen to the end. Thank them for telling you. Say what you will do and "
                                    "by when. Then do it. A problem solved well often makes a more loyal "
                                    "customer than no problem at all.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Contact customers a few days to a week after the sale.",
                                "Ask two or three short, simple questions.",
                                "Treat complaints as free advice.",
                                "Fix problems quickly and tell the customer when it is done.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "customer-list",
                        "title": "Keep a customer list and stay in touch",
                        "summary": (
                            "A simple list of customers helps you remember them and invite them back. "
                            "Learn what to write down and how often to send messages."
                        ),
                        "minutes": 9,
                        "body": [
                            ("paragraph", (
                                "<p>Your past customers already know and trust you. It is much easier to sell "
                                "to them again than to find new people. A customer list helps you remember "
                                "who they are.</p>"
                            )),
                            ("heading", {"text": "What to write down", "level": "h2"}),
                            ("paragraph", (
                                "<p>Use a notebook, a simple spreadsheet or the contacts in your phone. For each "
                                "customer, note:</p>"
                                "<ul>"
                                "<li>name and phone number;</li>"
                                "<li>what they bought and when;</li>"
                                "<li>something personal that helps, such as a favourite colour or size;</li>"
                                "<li>whether they agreed to receive messages from you.</li>"
                                "</ul>"
                            )),
                            ("heading", {"text": "Stay in touch without spamming", "level": "h2"}),
                            ("paragraph", (
                                "<p>\"Spam\" means messages people did not ask for and do not want. To avoid it:</p>"
                                "<ul>"
                                "<li>ask first: \"May I send you news about new designs?\";</li>"
                                "<li>send one or two messages a month at most;</li>"
                                "<li>make each message useful: new stock, a season reminder, a real offer;</li>"
                                "<li>write to people by name, and stop at once if someone asks.</li>"
                                "</ul>"
                                "<p>Example: a shoe shop in Nairobi sends a message to parents on its list two "
                                "weeks before the school year starts. About one in five come in, compared with "
                                "almost none from a general post.</p>"
                            )),
                            ("callout", {
                                "kind": "note",
                                "title": "Respect privacy",
                                "text": (
                                    "<p>Keep your list private. Do not share numbers with others, and do not add "
                                    "people to big groups where everyone can see their number.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Past customers are the easiest people to sell to.",
                                "Note names, purchases and permission to message.",
                                "Send few, useful, personal messages.",
                                "Keep customers' details private.",
                            ]}),
                        ],
                    },
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 4. Write a one-page business plan
    # ------------------------------------------------------------------
    {
        "slug": "one-page-business-plan",
        "title": "Write a one-page business plan",
        "summary": (
            "Put your business idea, your numbers and your goals on a single page that you can use "
            "every month and show to a lender."
        ),
        "audience": (
            "For people starting or growing a small business, such as a craft workshop, a shop or a "
            "farm, who need a clear plan without a long document."
        ),
        "level": "beginner",
        "topics": ["business-planning", "finance-and-loans"],
        "sectors": ["handicrafts", "retail-and-trade", "agriculture"],
        "outcomes": [
            "Describe the problem you solve, your customer and your offer in a few lines.",
            "List your start-up costs and how you will pay for them.",
            "Work out how many sales a month you need to break even.",
            "Set clear goals for the next 12 months.",
            "Use your plan to talk confidently with a lender.",
        ],
        "parent": "courses",
        "prerequisites": [],
        "modules": [
            {
                "slug": "your-plan-on-one-page",
                "title": "Your plan on one page",
                "intro": "Four short lessons, one page: what you sell, to whom, with what money, and where you are going.",
                "lessons": [
                    {
                        "slug": "why-one-page",
                        "title": "Why one page is enough",
                        "summary": (
                            "A short plan is easier to write, easier to update and easier for others to "
                            "read. See what goes on the page."
                        ),
                        "minutes": 6,
                        "body": [
                            ("paragraph", (
                                "<p>Many people think a business plan must be a thick document. Most small "
                                "businesses never finish one, and those that do rarely read it again. One page "
                                "is different: you can write it in an evening, pin it on the wall and check it "
                                "every month.</p>"
                            )),
                            ("heading", {"text": "What goes on the page", "level": "h2"}),
                            ("paragraph", (
                                "<ol>"
                                "<li><b>The problem and the customer</b>: who needs what.</li>"
                                "<li><b>Your offer</b>: what you sell and why people will choose it.</li>"
                                "<li><b>The numbers</b>: start-up costs, monthly costs, prices and the sales "
                                "you need.</li>"
                                "<li><b>Goals</b>: what you want to reach in 12 months, step by step.</li>"
                                "</ol>"
                            )),
                            ("heading", {"text": "Who the plan is for", "level": "h2"}),
                            ("paragraph", (
                                "<p>First, it is for <i>you</i>. Writing things down shows gaps in your thinking. "
                                "Maybe you do not know your costs yet, or you are not sure who will buy.</p>"
                                "<p>Second, it is for people you want to work with: a partner, a family member "
                                "who lends you money, a supplier, or a bank or microfinance officer. A clear "
                                "page shows you have thought things through.</p>"
                                "<p>In this course, we follow Carmen, who makes ceramic mugs and bowls in "
                                "Ayacucho, Peru, and wants to open her own small workshop.</p>"
                            )),
                            ("callout", {
                                "kind": "tip",
                                "title": "Write in pencil",
                                "text": (
                                    "<p>Your first plan will not be perfect. That is fine. A plan is meant to be "
                                    "changed as you learn. Date each version.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "A one-page plan is quick to write and easy to use.",
                                "It covers problem, customer, offer, numbers and goals.",
                                "It is for you first, then for partners and lenders.",
                                "Update it whenever you learn something new.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "problem-customer-offer",
                        "title": "The problem, the customer and the offer",
                        "summary": (
                            "Write three short sections: what need you meet, who has that need, and what "
                            "you offer them."
                        ),
                        "minutes": 8,
                        "body": [
                            ("paragraph", (
                                "<p>A business exists because someone has a need and is willing to pay to meet it. "
                                "The first part of your page answers three questions in plain words.</p>"
                            )),
                            ("heading", {"text": "1. The problem", "level": "h2"}),
                            ("paragraph", (
                                "<p>What need or wish do customers have? Keep it to one or two sentences. "
                                "Carmen wrote: <i>\"Cafés and gift shops in Ayacucho want local, handmade cups "
                                "for visitors, but most of what they find is imported and looks the same.\"</i></p>"
                            )),
                            ("heading", {"text": "2. The customer", "level": "h2"}),
                            ("paragraph", (
                                "<p>Who exactly will buy? Be specific. \"Everyone\" is not a customer. Carmen "
                                "listed:</p>"
                                "<ul>"
                                "<li>about 15 cafés in the city centre that serve visitors;</li>"
                                "<li>gift shops near the main square;</li>"
                                "<li>tourists at the Sunday craft market.</li>"
                                "</ul>"
                                "<p>She talked to six café owners before writing her plan. Four said they would "
                                "try her mugs.</p>"
                            )),
                            ("heading", {"text": "3. The offer", "level": "h2"}),
                            ("paragraph", (
                                "<p>What do you sell, at what price, and why choose you? Carmen wrote: "
                                "<i>\"Hand-thrown mugs and bowls with local patterns, 25 soles a mug, with the "
                                "café's name painted on for orders of 20 or more.\"</i></p>"
                                "<p>The painted name is something imported cups cannot offer. That is her reason "
                                "to be chosen.</p>"
                            )),
                            ("callout", {
                                "kind": "note",
                                "title": "Check before you write",
                                "text": (
                                    "<p>Talk to at least five possible customers. Ask what they buy now, what "
                                    "they pay and what they wish was better. Their answers belong on your page.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "Describe the problem in one or two sentences.",
                                "Name a specific group of customers, not everyone.",
                                "State your offer, price and the reason to choose you.",
                                "Talk to real customers before you write.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "the-numbers",
                        "title": "The numbers: start-up costs and break-even",
                        "summary": (
                            "List what you need to start, then work out how many sales a month cover all "
                            "your costs. Follow Carmen's worked example."
                        ),
                        "minutes": 14,
                        "body": [
                            ("paragraph", (
                                "<p>The numbers section answers two questions: how much money do I need to "
                                "start, and how much must I sell each month to cover my costs?</p>"
                            )),
                            ("heading", {"text": "Start-up costs", "level": "h2"}),
                            ("paragraph", (
                                "<p>These are one-time costs before you open. Carmen's list, in soles:</p>"
                                "<ul>"
                                "<li>second-hand kiln: 3,500</li>"
                                "<li>potter's wheel: 1,200</li>"
                                "<li>tools and shelves: 600</li>"
                                "<li>first clay and glazes: 400</li>"
                                "<li>market stall deposit and permit: 300</li>"
                                "<li>cash reserve for the first two months: 1,600</li>"
                                "</ul>"
                                "<p>Total: <b>7,600 soles</b>. She has 3,100 in savings and needs a loan of "
                                "4,500.</p>"
                            )),
                            ("heading", {"text": "Monthly break-even", "level": "h2"}),
                            ("paragraph", (
                                "<p>\"Break-even\" is the point where sales cover all costs: no profit, no loss.</p>"
                                "<p><b>Fixed costs</b> stay the same however much you sell. Carmen's: rent 350, "
                                "stall 120, phone and transport 100, loan repayment 250, her own basic pay 800. "
                                "Total: 1,620 soles a month.</p>"
                                "<p><b>Variable costs</b> come with each item. One mug needs clay and glaze (4), "
                                "kiln electricity (2) and packaging (1): 7 soles.</p>"
                                "<p>Each mug sells for 25 soles, so it leaves 25 − 7 = 18 soles to pay the fixed "
                                "costs.</p>"
                                "<p>Break-even = 1,620 ÷ 18 = <b>90 mugs a month</b>, or about 23 a week.</p>"
                            )),
                            ("callout", {
                                "kind": "tip",
                                "title": "Is it realistic?",
                                "text": (
                                    "<p>Compare the break-even number with what you can make and sell. Carmen can "
                                    "make 40 mugs a week, and four cafés want to try them. 23 a week looks "
                                    "possible.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "List every start-up cost, including a cash reserve.",
                                "Show where the start-up money will come from.",
                                "Break-even = fixed costs ÷ (price − variable cost per item).",
                                "Check that your break-even sales are realistic.",
                            ]}),
                        ],
                    },
                    {
                        "slug": "goals-and-lenders",
                        "title": "Goals for 12 months and using the plan with a lender",
                        "summary": (
                            "Set clear goals with numbers and dates, then learn how to present your "
                            "one-page plan when you ask for a loan."
                        ),
                        "minutes": 10,
                        "body": [
                            ("paragraph", (
                                "<p>The last part of your page says where you want to be in a year. A good goal "
                                "has a number and a date, so you can tell if you reached it.</p>"
                            )),
                            ("heading", {"text": "Clear goals", "level": "h2"}),
                            ("paragraph", (
                                "<p>\"Sell more\" is a wish. \"Sell 90 mugs a month by the end of month 3\" is a "
                                "goal. Carmen's goals:</p>"
                                "<ul>"
                                "<li>By month 3: reach break-even, 90 mugs a month.</li>"
                                "<li>By month 6: supply 6 cafés with regular orders.</li>"
                                "<li>By month 12: sell 130 mugs a month and save 1,000 soles as a reserve.</li>"
                                "</ul>"
                                "<p>At 130 mugs, each leaving 18 soles, she earns 2,340 soles a month. After "
                                "fixed costs of 1,620, there are 720 soles of profit on top of her own pay.</p>"
                                "<p>Check your goals every month. If you fall behind, ask why and change what "
                                "you do, or change the goal.</p>"
                            )),
                            ("heading", {"text": "Using the plan with a lender", "level": "h2"}),
                            ("paragraph", (
                                "<p>A lender wants to know three things: what the money is for, how you will "
                                "repay it, and what happens if things go slowly. Your page answers all three.</p>"
                                "<ol>"
                                "<li>Show the start-up list: the loan of 4,500 soles buys the kiln and wheel.</li>"
                                "<li>Show the break-even: the repayment of 250 a month is already in the fixed "
                                "costs.</li>"
                                "<li>Show your proof: talks with cafés, any records or past sales.</li>"
                                "<li>Be honest about risks and your plan B.</li>"
                                "</ol>"
                            )),
                            ("callout", {
                                "kind": "warning",
                                "title": "Do not inflate the numbers",
                                "text": (
                                    "<p>Lenders see many plans. Careful, realistic numbers build trust. Numbers "
                                    "that look too good raise doubts.</p>"
                                ),
                            }),
                            ("takeaways", {"title": "Key points", "points": [
                                "A goal has a number and a date.",
                                "Break big goals into steps for months 3, 6 and 12.",
                                "Show lenders what the loan buys and how it will be repaid.",
                                "Be realistic and honest about risks.",
                            ]}),
                        ],
                    },
                ],
            },
        ],
    },
]
