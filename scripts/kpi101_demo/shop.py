"""Marketplace/shop platform export: buyers, sellers, listings, views, searches, carts, orders, reviews.

Buyers are the shared company's customers (same ids), registering a shop account shortly
after the customer record is created. Sellers join every month and publish listings, some of
which are taken down later. Buyers browse (logged in or anonymously), search, fill carts and
order; orders follow the company's growth and seasonality, a few are cancelled or refunded,
many carts are abandoned, and every timestamp is exported in the local time of the person
acting (the buyer's or seller's UTC offset).
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import random
from dataclasses import dataclass

import numpy as np

from . import csvtext
from .core import COUNTRIES, Company, local_iso, local_time, weighted
from .writer import TableWriter, iso_time, padded_id

SOURCE = "shop"
CATEGORIES = {
    "kitchen": ["mug", "bowl", "spoon", "teapot", "plate"],
    "home": ["vase", "candle", "lamp", "cushion", "frame"],
    "jewellery": ["ring", "necklace", "bracelet", "earrings"],
    "clothing": ["scarf", "sweater", "hat", "socks"],
    "stationery": ["notebook", "pen", "card", "planner"],
}
TAX_RATE = {"US": 0.07, "GB": 0.2, "DE": 0.19, "BR": 0.17, "IN": 0.18, "JP": 0.1, "AU": 0.1}
DEVICES = [("desktop", 38), ("mobile", 44), ("tablet", 6), ("app", 12)]
REPEAT_SOURCES = [("direct", 30), ("email", 25), ("organic_search", 20), ("paid_search", 10), ("referral", 8)]
ADJECTIVES = ["handmade", "vintage", "blue", "small", "gift"]
RATINGS = [(1, 4), (2, 4), (3, 9), (4, 28), (5, 55)]
LINES_PER_ORDER = [(1, 70), (2, 22), (3, 8)]  # (lines, weight)
QUANTITIES = [(1, 80), (2, 15), (3, 5)]  # (quantity of a line, weight)
DAY = dt.timedelta(days=1)


@dataclass
class Listing:
    listing_id: str
    seller_id: str
    category: str
    price: float
    created_at: dt.datetime
    delisted_at: dt.datetime | None

    def is_live(self, at: dt.datetime) -> bool:
        return self.created_at <= at and (self.delisted_at is None or at < self.delisted_at)


@dataclass
class Buyer:
    buyer_id: str
    registered_at: dt.datetime
    country: str
    offset: int
    channel: str


def _seasonality(day: dt.datetime) -> float:
    """The company's seasonal curve (year-end peak, summer dip), between about 0.82 and 1.18."""
    return 1.0 + 0.18 * math.cos((day.month - 11.5) / 12 * 2 * math.pi)


class _LiveListings:
    """Listings ordered by creation, to draw one that is live at a given instant."""

    def __init__(self, listings: list[Listing]) -> None:
        self.listings = sorted(listings, key=lambda listing: listing.created_at)
        self.created = [listing.created_at for listing in self.listings]

    def draw(self, rng: random.Random, at: dt.datetime) -> Listing | None:
        upper = bisect.bisect_right(self.created, at)
        if upper == 0:
            return None
        for _ in range(6):
            listing = self.listings[rng.randrange(upper)]
            if listing.is_live(at):
                return listing
        return None


def _money(value: float) -> str:
    return f"{value:.2f}"


def _sellers_and_listings(company: Company, rng: random.Random) -> tuple[list[tuple], list[Listing]]:
    sellers: list[tuple] = []
    listings: list[Listing] = []
    joins = [company.start_at - dt.timedelta(days=rng.randrange(10, 400)) for _ in range(company.scaled(12))]
    for month_index in range(company.months):
        for _ in range(company.scaled(3 * company.growth(month_index))):
            joins.append(company.random_time_in_month(rng, month_index))
    for number, registered_at in enumerate(sorted(joins), start=1):
        seller_id = f"S{number:06d}"
        country, offset, _ = weighted(rng, COUNTRIES)
        sellers.append((seller_id, f"Shop {number}", local_time(registered_at, offset), country))
        if rng.random() < 0.12:  # registered but never listed anything
            continue
        # founding sellers list from the start of the data; later ones soon after joining
        at = max(registered_at, company.start_at) + dt.timedelta(hours=rng.expovariate(1 / 120))
        pace_days = rng.uniform(20, 70)
        while at < company.end_at:
            category = rng.choice(list(CATEGORIES))
            delisted_at = None
            if rng.random() < 0.6:  # sold out or withdrawn after a while
                candidate = at + dt.timedelta(days=rng.expovariate(1 / 100))
                delisted_at = candidate if candidate < company.end_at else None
            listings.append(
                Listing(
                    listing_id=f"L{len(listings) + 1:07d}",
                    seller_id=seller_id,
                    category=category,
                    price=round(rng.uniform(6, 120), 2),
                    created_at=at,
                    delisted_at=delisted_at,
                )
            )
            at += dt.timedelta(days=rng.expovariate(1 / pace_days))
    return sellers, listings


def _buyers(company: Company, rng: random.Random) -> list[Buyer]:
    buyers = []
    for customer in company.customers:
        if rng.random() > 0.8:  # a fifth of the customers only use the SaaS product
            continue
        registered_at = customer.created_at + dt.timedelta(minutes=rng.randrange(1, 3 * 24 * 60))
        if registered_at >= company.end_at:
            continue
        buyers.append(
            Buyer(
                buyer_id=customer.customer_id,
                registered_at=registered_at,
                country=customer.country,
                offset=customer.utc_offset_minutes,
                channel=customer.acquisition_channel,
            )
        )
    return buyers


def _browse_search_and_abandon(
    company: Company,
    listings: list[Listing],
    buyers: list[Buyer],
    order_views: list[tuple[int, int, int, int]],
    order_carts: tuple[list[tuple[int, int, int, int]], list[tuple[int, int, int, int]]],
    writer: TableWriter,
) -> None:
    """Listing views (those before the orders, then browsing, logged in or not), searches and
    carts (those of the orders, then abandoned ones), drawn as whole columns; ``buyers`` are
    ordered by registration."""
    rng = company.np_rng(f"{SOURCE}.browsing")
    ordered = sorted(listings, key=lambda listing: listing.created_at)
    created = np.array([company.seconds(listing.created_at) for listing in ordered], dtype=np.int64)
    never = np.iinfo(np.int64).max
    delisted = np.array(
        [company.seconds(listing.delisted_at) if listing.delisted_at else never for listing in ordered], dtype=np.int64
    )
    listing_number = np.array([int(listing.listing_id[1:]) for listing in ordered], dtype=np.int64)
    price_cents = np.array([round(listing.price * 100) for listing in ordered], dtype=np.int64)
    registered = np.array([company.seconds(buyer.registered_at) for buyer in buyers], dtype=np.int64)
    buyer_number = np.array([int(buyer.buyer_id[1:]) for buyer in buyers], dtype=np.int64)
    buyer_offset = np.array([buyer.offset for buyer in buyers], dtype=np.int64)
    country_offsets = np.array([offset for _, offset, _ in COUNTRIES], dtype=np.int64)

    def draw_live(at: np.ndarray) -> np.ndarray:
        """A listing live at each time (six tries at drawing one among those created by then), or -1."""
        upper = np.searchsorted(created, at, side="right")
        listing = np.full(len(at), -1, dtype=np.int64)
        for _ in range(6):
            open_draws = np.flatnonzero((listing < 0) & (upper > 0))
            draw = (rng.random(len(open_draws)) * upper[open_draws]).astype(np.int64)
            moment = at[open_draws]
            live = (created[draw] <= moment) & (moment < delisted[draw])
            listing[open_draws[live]] = draw[live]
        return listing

    def someone(at: np.ndarray, logged_in_share: float) -> tuple[np.ndarray, np.ndarray]:
        """A buyer registered by then (their number and offset), or anonymous (-1, a random offset)."""
        known = np.searchsorted(registered, at, side="right")
        logged_in = (known > 0) & (rng.random(len(at)) < logged_in_share)
        pick = np.minimum((rng.random(len(at)) * known).astype(np.int64), max(len(buyers) - 1, 0))
        anonymous_offset = country_offsets[rng.integers(0, len(country_offsets), len(at))]
        if not len(buyers):
            return np.full(len(at), -1), anonymous_offset
        return np.where(logged_in, buyer_number[pick], -1), np.where(logged_in, buyer_offset[pick], anonymous_offset)

    # Browsing: a live listing (six tries at drawing one among those created by then), else no view.
    _, at = company.times_in_months(rng, company.monthly_counts(1100))
    listing = draw_live(at)
    viewed = listing >= 0
    at, listing = at[viewed], listing_number[listing[viewed]]
    buyer, offset = someone(at, 0.55)
    before = np.array(order_views, dtype=np.int64).reshape(-1, 4)
    views = {
        "listing": np.concatenate([before[:, 0], listing]),
        "buyer": np.concatenate([before[:, 1], buyer]),
        "moment": np.concatenate([before[:, 2], at]),
        "zone": np.concatenate([before[:, 3], offset]),
    }
    count = len(views["listing"])
    views["device"] = rng.choice(len(DEVICES), count, p=_shares(DEVICES))
    views["number"] = np.arange(1, count + 1)
    writer.write_text(
        SOURCE,
        "listing_views",
        ["view_id", "listing_id", "buyer_id", "viewed_at", "device"],
        views,
        [
            csvtext.padded_id("V", "number", 9),
            csvtext.padded_id("L", "listing", 7),
            csvtext.padded_id("C", "buyer", 7),
            csvtext.iso_time("moment", "zone"),
            csvtext.label("device", [name for name, _ in DEVICES]),
        ],
        copies=np.where(rng.random(count) < 0.004, 2, 1),  # the export repeats a row
    )
    del views

    # Searches: "<adjective> <item>", an item of a category drawn first.
    _, at = company.times_in_months(rng, company.monthly_counts(400))
    count = len(at)
    buyer, offset = someone(at, 0.2)
    category = rng.integers(0, len(CATEGORIES), count)
    items = list(CATEGORIES.values())
    first_item = np.cumsum([0] + [len(names) for names in items])
    item = first_item[category] + (rng.random(count) * np.diff(first_item)[category]).astype(np.int64)
    item_names = [name for names in items for name in names]
    query = rng.integers(0, len(ADJECTIVES), count) * len(item_names) + item
    writer.write_text(
        SOURCE,
        "searches",
        ["search_id", "buyer_id", "query", "results_count", "searched_at"],
        {
            "number": np.arange(1, count + 1),
            "buyer": buyer,
            "query": query,
            "results": rng.integers(0, 80, count),
            "moment": at,
            "zone": offset,
        },
        [
            csvtext.padded_id("Q", "number", 8),
            csvtext.padded_id("C", "buyer", 7),
            csvtext.label("query", [f"{adjective} {name}" for adjective in ADJECTIVES for name in item_names]),
            csvtext.integer("results"),
            csvtext.iso_time("moment", "zone"),
        ],
    )

    # Abandoned carts of registered buyers, growing with the company; some are left empty.
    _, at = company.times_in_months(rng, company.monthly_counts(70))
    known = np.searchsorted(registered, at, side="right")
    at, known = at[known > 0], known[known > 0]
    buyer = np.minimum((rng.random(len(at)) * known).astype(np.int64), max(len(buyers) - 1, 0))
    listing = np.where(rng.random(len(at)) > 0.1, draw_live(at), -1)
    filled = listing >= 0
    earlier_carts = np.array(order_carts[0], dtype=np.int64).reshape(-1, 4)
    earlier_items = np.array(order_carts[1], dtype=np.int64).reshape(-1, 4)
    cart = {
        "buyer": np.concatenate([earlier_carts[:, 0], buyer_number[buyer]]),
        "created": np.concatenate([earlier_carts[:, 1], at]),
        "updated": np.concatenate([earlier_carts[:, 2], np.where(filled, at + rng.integers(1, 90, len(at)) * 60, -1)]),
        "zone": np.concatenate([earlier_carts[:, 3], buyer_offset[buyer]]),
    }
    cart["number"] = np.arange(1, len(cart["buyer"]) + 1)
    writer.write_text(
        SOURCE,
        "carts",
        ["cart_id", "buyer_id", "created_at", "updated_at"],
        cart,
        [
            csvtext.padded_id("K", "number", 8),
            csvtext.padded_id("C", "buyer", 7),
            csvtext.iso_time("created", "zone"),
            csvtext.iso_time("updated", "zone"),
        ],
    )
    abandoned = np.flatnonzero(filled)
    line_cart = np.concatenate([earlier_items[:, 0], len(earlier_carts) + 1 + abandoned])
    line = {
        "cart": line_cart,
        "listing": np.concatenate([earlier_items[:, 1], listing_number[listing[abandoned]]]),
        "quantity": np.concatenate([earlier_items[:, 2], np.ones(len(abandoned), dtype=np.int64)]),
        "cents": np.concatenate([earlier_items[:, 3], price_cents[listing[abandoned]]]),
        "added": cart["created"][line_cart - 1],
        "zone": cart["zone"][line_cart - 1],
    }
    line["number"] = np.arange(1, len(line_cart) + 1)
    writer.write_frame(
        SOURCE,
        "cart_items",
        ["cart_item_id", "cart_id", "listing_id", "quantity", "price", "added_at"],
        line,
        [
            padded_id("CI", "number", 9),
            padded_id("K", "cart", 8),
            padded_id("L", "listing", 7),
            "quantity",
            "printf('%.2f', cents / 100)",
            iso_time("added", "zone"),
        ],
    )


def _shares(options: list[tuple]) -> np.ndarray:
    weights = np.array([option[-1] for option in options], dtype=float)
    return weights / weights.sum()


def generate(company: Company, writer: TableWriter) -> None:
    rng = company.rng(SOURCE)
    sellers, listings = _sellers_and_listings(company, rng)
    live = _LiveListings(listings)
    buyers = sorted(_buyers(company, rng), key=lambda buyer: buyer.registered_at)
    seller_offset = {row[0]: int(row[2].utcoffset().total_seconds() // 60) for row in sellers}

    orders: list[tuple] = []
    order_items: list[tuple] = []
    carts: list[tuple[int, int, int, int]] = []  # buyer number, created and updated (Unix seconds or -1), offset
    cart_items: list[tuple[int, int, int, int]] = []  # cart number, listing number, quantity, price in cents
    order_views: list[tuple[int, int, int, int]] = []  # listing and buyer numbers, Unix seconds, offset
    reviews: list[tuple] = []

    def add_view(listing: Listing, buyer: Buyer, at: dt.datetime) -> None:
        order_views.append((int(listing.listing_id[1:]), int(buyer.buyer_id[1:]), company.seconds(at), buyer.offset))

    def add_cart(buyer: Buyer, at: dt.datetime, lines: list[tuple[Listing, int]]) -> str:
        number = len(carts) + 1
        updated = company.seconds(at + dt.timedelta(minutes=rng.randrange(1, 90))) if lines else -1
        carts.append((int(buyer.buyer_id[1:]), company.seconds(at), updated, buyer.offset))
        for listing, quantity in lines:
            cart_items.append((number, int(listing.listing_id[1:]), quantity, round(listing.price * 100)))
        return f"K{number:08d}"

    # Orders: each buyer's purchase history, thinned by the seasonal curve.
    for buyer in buyers:
        if rng.random() < 0.15:  # registered but never bought
            continue
        at = buyer.registered_at + dt.timedelta(hours=rng.expovariate(1 / 72))
        order_index = 0
        while at < company.end_at:
            if rng.random() < _seasonality(at) / 1.18:
                lines = []
                for _ in range(weighted(rng, LINES_PER_ORDER)[0]):
                    listing = live.draw(rng, at)
                    if listing and all(listing is not other for other, _ in lines):
                        lines.append((listing, weighted(rng, QUANTITIES)[0]))
                if lines:
                    order_id = f"O{len(orders) + 1:08d}"
                    for listing, _ in lines:  # the buyer looked at what they bought, hours to days before
                        for _ in range(rng.choice([1, 1, 2, 3])):
                            seen = at - dt.timedelta(hours=rng.uniform(0.1, 240))
                            if seen > max(listing.created_at, buyer.registered_at):
                                add_view(listing, buyer, seen)
                    cart_id = None
                    if rng.random() < 0.85:
                        cart_at = max(buyer.registered_at, at - dt.timedelta(minutes=rng.uniform(3, 2880)))
                        cart_id = add_cart(buyer, cart_at, lines)
                    subtotal = sum(listing.price * quantity for listing, quantity in lines)
                    discount = round(subtotal * rng.choice([0.05, 0.1, 0.15, 0.2]), 2) if rng.random() < 0.2 else 0.0
                    shipping = rng.choice([0.0, 0.0, 4.99, 9.99])
                    tax = round((subtotal - discount) * TAX_RATE[buyer.country], 2)
                    age_days = (company.end_at - at).total_seconds() / 86_400
                    roll = rng.random()
                    if roll < 0.05:
                        status = "cancelled"
                    elif roll < 0.09:
                        status = "refunded"
                    elif roll < 0.11:
                        status = "partially_refunded"
                    elif age_days < 2:
                        status = "pending"
                    elif age_days < 6:
                        status = rng.choice(["paid", "fulfilled"])
                    else:
                        status = "completed"
                    source = buyer.channel if order_index == 0 else weighted(rng, REPEAT_SOURCES)[0]
                    if rng.random() < 0.02:  # the platform could not attribute the session
                        source = None
                    cancelled_at = at + dt.timedelta(hours=rng.uniform(0.5, 30)) if status == "cancelled" else None
                    orders.append(
                        (
                            order_id,
                            1000 + len(orders) + 1,
                            buyer.buyer_id,
                            local_iso(at, buyer.offset),
                            status,
                            source,
                            cart_id,
                            _money(discount),
                            _money(tax),
                            _money(shipping),
                            cancelled_at and local_iso(min(cancelled_at, company.end_at - DAY / 24), buyer.offset),
                        )
                    )
                    for listing, quantity in lines:
                        line = (
                            f"OI{len(order_items) + 1:09d}",
                            order_id,
                            listing.listing_id,
                            _money(listing.price),
                            quantity,
                        )
                        order_items.append(line)
                        if rng.random() < 0.005:  # a re-sent webhook duplicates the line in the export
                            order_items.append(line)
                        if status in ("completed", "refunded", "partially_refunded") and rng.random() < 0.3:
                            written = at + dt.timedelta(days=rng.uniform(3, 25))
                            if written < company.end_at:
                                rating = weighted(rng, RATINGS)[0]
                                if status != "completed":
                                    rating = min(rating, rng.choice([1, 2, 3]))
                                reviews.append(
                                    (
                                        f"R{len(reviews) + 1:08d}",
                                        listing.listing_id,
                                        order_id,
                                        buyer.buyer_id,
                                        rating,
                                        f"Review of {listing.category}",
                                        local_iso(written, buyer.offset),
                                    )
                                )
                    order_index += 1
                    if rng.random() < 0.3:  # churned after this order
                        break
            at += dt.timedelta(days=rng.expovariate(1 / 35))

    writer.write(
        SOURCE,
        "buyers",
        ["buyer_id", "registered_at", "country", "accepts_marketing"],
        (
            (b.buyer_id, local_iso(b.registered_at, b.offset), b.country, rng.random() < 0.6)
            for b in sorted(buyers, key=lambda b: b.buyer_id)
        ),
    )
    writer.write(SOURCE, "sellers", ["seller_id", "shop_name", "registered_at", "country"], sellers)
    writer.write(
        SOURCE,
        "listings",
        ["listing_id", "seller_id", "title", "category", "price", "created_at", "delisted_at"],
        (
            (
                listing.listing_id,
                listing.seller_id,
                f"{listing.category.title()} item {listing.listing_id[1:]}",
                listing.category,
                _money(listing.price),
                local_iso(listing.created_at, seller_offset[listing.seller_id]),
                listing.delisted_at and local_iso(listing.delisted_at, seller_offset[listing.seller_id]),
            )
            for listing in listings
        ),
    )
    _browse_search_and_abandon(company, listings, buyers, order_views, (carts, cart_items), writer)
    writer.write(
        SOURCE,
        "orders",
        [
            "order_id",
            "order_number",
            "customer_id",
            "placed_at",
            "status",
            "traffic_source",
            "cart_id",
            "discount_amount",
            "tax_amount",
            "shipping_amount",
            "cancelled_at",
        ],
        orders,
    )
    writer.write(
        SOURCE, "order_items", ["order_item_id", "order_id", "listing_id", "unit_price", "quantity"], order_items
    )
    writer.write(
        SOURCE,
        "product_reviews",
        ["review_id", "listing_id", "order_id", "buyer_id", "rating", "title", "created_at"],
        reviews,
    )
