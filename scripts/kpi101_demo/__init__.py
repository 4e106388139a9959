"""Deterministic generator of the kpi101 demo company.

``core`` draws the entities every source system shares (calendar, customers, product users,
employees); each other module of this package writes the raw tables of one source system
from them, so that billing, shop, web, CRM, HR and help-desk data describe one company.
A module takes part by defining ``SOURCE`` (the source system name) and
``generate(company, writer)``.
"""
