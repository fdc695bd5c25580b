"""The school's PostgreSQL server: schema, roles, access rules, push and pull.

``setup.init_server`` and ``setup.upgrade_server`` build the server side that
SYNC.md describes; ``roles`` gives each staff member their login role. The
desktop's sync engine only calls the server functions documented in
``functions``.
"""


class ServerError(Exception):
    """The server cannot be reached, set up or changed as asked."""
