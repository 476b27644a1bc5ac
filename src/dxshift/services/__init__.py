"""Use cases: each action a person can take, once, combining the core with storage.

Routes and commands call these; they never touch the ORM themselves. Every function takes the
session and the acting principal by keyword, checks scope, does the work, and writes the audit.
"""
