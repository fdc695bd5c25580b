"""The server's functions: the caller, the change log, push, pull and counts.

Staff roles may run ``cams.push``, ``cams.pull``, ``cams.counts`` and
``cams.table_rows`` (``SECURITY DEFINER``, ``search_path`` pinned), which name
the caller through ``session_user`` only (a role that is not an active staff
member gets an insufficient_privilege error), and the small helpers
row-level security calls. Everything else (the change log, counters, device progress,
audit, conflicts) is written here and nowhere else, so no desktop can skip it.

JSON shapes (values in wire form, see ``wire.py``):

``cams.push(device_id uuid, schema_version text, mutations jsonb) -> jsonb``
    ``mutations``: the outbox entries of one local transaction, in mutation
    order: ``[{"mutation_id": 41, "transaction_id": "…", "table_name":
    "students", "row_id": "…", "operation": "insert|update|delete|purge",
    "base_version": 3, "changes": {"field": [old, new]}, "recorded_at": "…"}]``.
    Answers ``{"status": "ok", "last_mutation_id": 42, "results": [...]}`` with
    one result per mutation: ``{"mutation_id", "result": "applied" | "merged"
    | "conflict" | "rejected" | "duplicate", "version", "updated_at",
    "conflict_id", "fields", "reason", "message"}`` (absent keys are null;
    ``fields``: the conflicting fields; ``reason`` of a rejection:
    validation, permission, deleted_parent, access_revoked or dependency; a
    duplicate's ``decision`` and ``message``: what its first delivery got).
    Or ``{"status": "resend", "resend_from": N}`` (nothing applied),
    ``{"status": "refused", "reason": "device_of_another_user"}``,
    ``{"status": "invalid", "message": …}`` or ``{"status":
    "upgrade_required", "install", "min_version", "max_version",
    "message"}``. Transient trouble (lost connection, deadlock) raises an
    error and applies nothing: send the same mutations again.

``cams.pull(cursor bigint, schema_version text, page_size integer) -> jsonb``
    ``{"status": "ok", "cursor": N, "has_more": bool, "rows": [{"table",
    "id", "seq", "data": {column: value}}], "removed": [{"table", "id"}]}``;
    rows come parents first, removals children first. ``page_size`` bounds
    the change-log entries read; a student joining or leaving the caller's
    list brings all of the student's rows with the entry. Or ``{"status":
    "cursor_too_old", "horizon"}`` / ``{"status": "cursor_ahead",
    "last_seq"}``: download every table again with ``table_rows``, then pull
    from the cursor its first page gave. Or ``{"status":
    "upgrade_required", …}``.

``cams.counts(schema_version text) -> jsonb``
    ``{"status": "ok", "tables": {"students": {"count": 12, "hash": md5}}}``
    over the caller's visible rows that are not deleted; the hash is the md5
    of the lines ``<id>:<version>`` in id order, joined by ``\\n``.

``cams.table_rows(table_name text, after_id uuid, page_size integer,
schema_version text) -> jsonb``
    ``{"status": "ok", "rows": [{"id", "data"}], "last_id", "has_more",
    "cursor"}``: one table's visible rows (deleted ones included) in id
    order, after ``after_id``; to download a table again when its counts
    disagree, or everything when pull says so. Every change up to ``cursor``
    is in the rows, so pulling on from the first page's cursor misses none.

``cams.server_info(schema_version text) -> jsonb``
    ``{"status": "ok" | "upgrade_required", "version", "min_version",
    "max_version", …}``: for a desktop checking its connection.

``cams.open_conflicts() -> jsonb`` (program administrators)
    ``{"status": "ok", "conflicts": [{"id", "created_at", "table", "row_id",
    "kind", "base_version", "server_version", "fields": {field: {"base",
    "theirs", "mine"}}, "staff_id", "author", "student"}]}``: the unresolved
    conflicts of rows of the caller's school; ``student`` names the student
    the row belongs to, if any.

``cams.resolve_conflict(conflict_id uuid, choice text, merged jsonb) -> jsonb``
    ``choice``: ``theirs`` (keep the server's values), ``mine`` (take the
    desktop's) or ``merge`` (``merged``: ``{field: value}``, fields left out
    keep the server's). The values that differ from the row's are written as
    a new change (version, change log) and audited with the decision
    ``resolved``; the conflict row keeps both sides. Answers ``{"status":
    "ok", "changed": [fields], "version"}``.

``cams.set_staff_login(staff_id uuid, verifier text) -> jsonb`` (program
administrators, for an active staff member of their school)
    ``verifier``: a SCRAM-SHA-256 verifier (``SCRAM-SHA-256$…``), never a
    password. Creates the staff member's login role (named by
    ``cams.staff_role_name``, like ``roles.staff_role_name``) or sets its new
    password and turns it back on. Answers ``{"status": "ok", "role",
    "created"}``, ``{"status": "not_on_server"}`` (the row has not arrived)
    or ``{"status": "refused", "reason": "not_staff" | "not_administrator" |
    "not_a_verifier" | "inactive" | "name_taken", "message"}``.

``cams.disable_staff_login(staff_id uuid) -> jsonb`` (program administrators)
    Turns the login off (NOLOGIN, ``disabled_at``); ``{"status": "ok",
    "role"}`` (``role`` null: there was none), ``not_on_server`` or
    ``refused`` (also ``own_login``). A staff row that arrives deactivated or
    deleted does the same by itself.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

from cams_desktop.db.school import AccessLevel
from cams_desktop.server.policies import SEES_ALL_STUDENTS, board_wide_tables
from cams_desktop.server.roles import MAX_NAME as MAX_ROLE_NAME
from cams_desktop.server.schema import SyncedTable

# Functions executing as the schema's owner: nothing they run may resolve
# through a schema the caller controls.
DEFINER = "SECURITY DEFINER SET search_path = pg_catalog, pg_temp"


@dataclass(frozen=True)
class Function:
    name: str
    # Argument types, as REVOKE and GRANT name the function.
    arguments: str
    sql: str
    # Whether staff roles may execute it.
    for_staff: bool = False

    @property
    def signature(self) -> str:
        return f"cams.{self.name}({self.arguments})"


# The caller's access level as its number, straight from the stored name
# (building the whole staff row in wire form for one field cost a millisecond
# on every check of a push).
_LEVELS = " ".join(f"WHEN '{level.name}' THEN {int(level)}" for level in AccessLevel)

VIEWER = Function(
    "viewer",
    "",
    f"""
CREATE OR REPLACE FUNCTION cams.viewer() RETURNS cams.viewer
LANGUAGE sql STABLE {DEFINER} AS $$
  SELECT s.id, s.school_id, sc.board_id,
         CASE s.access_level::text {_LEVELS} END
  FROM cams.staff_roles sr
  JOIN cams.staff s ON s.id = sr.staff_id
  JOIN cams.schools sc ON sc.id = s.school_id
  WHERE sr.role_name = session_user AND sr.disabled_at IS NULL
    AND s.deleted_at IS NULL AND s.is_active AND sc.deleted_at IS NULL
$$""",
    for_staff=True,
)

HELPERS = (
    Function(
        "my_staff_id",
        "",
        "CREATE OR REPLACE FUNCTION cams.my_staff_id() RETURNS uuid "
        "LANGUAGE sql STABLE AS $$ SELECT (cams.viewer()).staff_id $$",
        for_staff=True,
    ),
    Function(
        "my_school_id",
        "",
        "CREATE OR REPLACE FUNCTION cams.my_school_id() RETURNS uuid "
        "LANGUAGE sql STABLE AS $$ SELECT (cams.viewer()).school_id $$",
        for_staff=True,
    ),
    Function(
        "my_board_id",
        "",
        "CREATE OR REPLACE FUNCTION cams.my_board_id() RETURNS uuid "
        "LANGUAGE sql STABLE AS $$ SELECT (cams.viewer()).board_id $$",
        for_staff=True,
    ),
    Function(
        "sees_all_students",
        "",
        "CREATE OR REPLACE FUNCTION cams.sees_all_students() RETURNS boolean "
        "LANGUAGE sql STABLE AS $$ SELECT coalesce((cams.viewer()).access_level "
        f"<= {int(SEES_ALL_STUDENTS)}, false) $$",
        for_staff=True,
    ),
    Function(
        "my_students",
        "",
        f"""
CREATE OR REPLACE FUNCTION cams.my_students() RETURNS SETOF uuid
LANGUAGE sql STABLE {DEFINER} AS $$
  SELECT st.id FROM cams.students st, cams.viewer() v
  WHERE st.school_id = v.school_id
    AND (v.access_level <= {int(SEES_ALL_STUDENTS)} OR EXISTS (
      SELECT 1 FROM cams.caseload_assignments c
      WHERE c.staff_id = v.staff_id AND c.student_id = st.id
        AND c.deleted_at IS NULL))
$$""",
        for_staff=True,
    ),
    Function(
        "sees_student",
        "uuid",
        f"""
CREATE OR REPLACE FUNCTION cams.sees_student(student uuid) RETURNS boolean
LANGUAGE sql STABLE {DEFINER} AS $$
  SELECT EXISTS (
    SELECT 1 FROM cams.students st, cams.viewer() v
    WHERE st.id = student AND st.school_id = v.school_id
      AND (v.access_level <= {int(SEES_ALL_STUDENTS)} OR EXISTS (
        SELECT 1 FROM cams.caseload_assignments c
        WHERE c.staff_id = v.staff_id AND c.student_id = st.id
          AND c.deleted_at IS NULL)))
$$""",
    ),
    Function(
        "uuid_or_null",
        "text",
        """
CREATE OR REPLACE FUNCTION cams.uuid_or_null(value text) RETURNS uuid
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN value::uuid;
EXCEPTION WHEN invalid_text_representation THEN
  RETURN NULL;
END $$""",
    ),
    Function(
        "timestamp_or_null",
        "text",
        """
CREATE OR REPLACE FUNCTION cams.timestamp_or_null(value text) RETURNS timestamptz
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN value::timestamptz;
EXCEPTION WHEN data_exception THEN
  RETURN NULL;
END $$""",
    ),
    Function(
        "changed_fields",
        "jsonb, jsonb",
        """
CREATE OR REPLACE FUNCTION cams.changed_fields(before jsonb, after jsonb)
RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(a.key ORDER BY a.key), '{}')
  FROM jsonb_each(after) a WHERE before -> a.key IS DISTINCT FROM a.value
$$""",
    ),
    Function(
        "reject",
        "text, text",
        """
CREATE OR REPLACE FUNCTION cams.reject(reason text, message text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'CA001', MESSAGE = message, HINT = reason;
END $$""",
    ),
    Function(
        "unseen_reason",
        "cams.viewer, uuid",
        """
CREATE OR REPLACE FUNCTION cams.unseen_reason(v cams.viewer, student uuid)
RETURNS text[] LANGUAGE sql STABLE AS $$
  -- A student who was on the caller's list and left it: rule 10.
  SELECT CASE WHEN student IS NOT NULL AND EXISTS (
      SELECT 1 FROM cams.caseload_assignments c
      WHERE c.staff_id = v.staff_id AND c.student_id = student)
    THEN ARRAY['access_revoked', 'this student is no longer in your list']
    ELSE ARRAY['permission', 'this row is outside what you may see'] END
$$""",
    ),
    Function(
        "canonical",
        "text, jsonb",
        """
CREATE OR REPLACE FUNCTION cams.canonical(table_name text, j jsonb) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  whole jsonb;
BEGIN
  EXECUTE format('SELECT cams.%I(cams.%I($1))',
                 'wire_' || table_name, 'unwire_' || table_name)
    INTO whole USING j;
  RETURN (SELECT coalesce(jsonb_object_agg(k, whole -> k), '{}')
          FROM jsonb_object_keys(j) k);
END $$""",
    ),
    Function(
        "check_version",
        "text",
        """
CREATE OR REPLACE FUNCTION cams.check_version(client text) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN client IS NULL OR client < i.min_client_version
                   OR client > i.max_client_version THEN jsonb_build_object(
    'status', 'upgrade_required',
    'client_version', client,
    'min_version', i.min_client_version,
    'max_version', i.max_client_version,
    'install', i.max_client_version,
    'message', CASE WHEN client > i.max_client_version THEN format(
      'This server takes desktops of schema %s to %s; this desktop has %s: '
      'upgrade the server (cams server upgrade) or install a CAMS Desktop '
      'of schema %s.', i.min_client_version, i.max_client_version, client,
      i.max_client_version)
    ELSE format(
      'This server takes desktops of schema %s to %s; this desktop has %s: '
      'install a CAMS Desktop of schema %s.', i.min_client_version,
      i.max_client_version, coalesce(client, 'none'), i.max_client_version)
    END) END
  FROM cams.schema_info i
$$""",
    ),
    Function(
        "require_viewer",
        "cams.viewer",
        """
CREATE OR REPLACE FUNCTION cams.require_viewer(v cams.viewer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF v.staff_id IS NULL THEN
    RAISE EXCEPTION 'role % is not an active CAMS staff member on this server',
      session_user USING ERRCODE = 'insufficient_privilege';
  END IF;
END $$""",
    ),
)

LOG_CHANGES = Function(
    "log_changes",
    "cams.change[]",
    """
CREATE OR REPLACE FUNCTION cams.log_changes(changes cams.change[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF cardinality(changes) = 0 THEN
    RETURN;
  END IF;
  INSERT INTO cams.school_counters (school_id)
    SELECT DISTINCT c.school_id FROM unnest(changes) c ORDER BY 1
    ON CONFLICT DO NOTHING;
  -- The counter row stays locked until the transaction ends, so sequence
  -- order is commit order (rule 5); a fixed order keeps writers of several
  -- schools from deadlocking.
  PERFORM 1 FROM cams.school_counters sc
    WHERE sc.school_id IN (SELECT c.school_id FROM unnest(changes) c)
    ORDER BY sc.school_id FOR UPDATE;
  WITH c AS (
    SELECT u.*, row_number() OVER (PARTITION BY u.school_id
                                   ORDER BY u.table_name, u.row_id) AS n
    FROM unnest(changes) u
  ), k AS (
    SELECT c.school_id, count(*) AS total FROM c GROUP BY c.school_id
  ), bumped AS (
    UPDATE cams.school_counters sc SET last_seq = sc.last_seq + k.total
    FROM k WHERE sc.school_id = k.school_id
    RETURNING sc.school_id, sc.last_seq - k.total AS base
  )
  INSERT INTO cams.change_log
    (school_id, seq, table_name, row_id, version, operation, fields)
  SELECT c.school_id, b.base + c.n, c.table_name, c.row_id, c.version,
         c.operation, c.fields
  FROM c JOIN bumped b ON b.school_id = c.school_id;
END $$""",
)


def _new_school_rows() -> str:
    """Change-log rows that start a new school's log: the board-wide rows.

    The board, the other schools of the board and the board-wide tables were
    written before the school existed, so no earlier entry reaches it.
    """
    parts = [
        "SELECT ROW(n.id, 'boards', b.id, b.version, 'insert', NULL)::cams.change"
        " FROM new_rows n JOIN cams.boards b ON b.id = n.board_id",
        "SELECT ROW(n.id, 'schools', o.id, o.version, 'insert', NULL)::cams.change"
        " FROM new_rows n JOIN cams.schools o ON o.board_id = n.board_id"
        " WHERE o.id NOT IN (SELECT x.id FROM new_rows x)",
    ]
    parts += [
        f"SELECT ROW(n.id, '{name}', g.id, g.version, 'insert', NULL)::cams.change"
        f" FROM new_rows n CROSS JOIN cams.{name} g"
        for name in board_wide_tables()
    ]
    return "\n    UNION ALL ".join(parts)


def log_functions(synced: SyncedTable) -> list[Function]:
    """The statement triggers' functions writing one table's change log."""
    name = synced.name
    extra = ""
    if name == "schools":
        extra = f"\n    UNION ALL {_new_school_rows()}"
    return [
        Function(
            f"log_{name}_insert",
            "",
            f"""
CREATE OR REPLACE FUNCTION cams.log_{name}_insert() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cams.log_changes(ARRAY(
    SELECT ROW(s.school_id, '{name}', n.id, n.version, 'insert', NULL)::cams.change
    FROM new_rows n CROSS JOIN LATERAL cams.school_of_{name}(n) s(school_id)
    WHERE s.school_id IS NOT NULL{extra}));
  RETURN NULL;
END $$""",
        ),
        Function(
            f"log_{name}_update",
            "",
            f"""
CREATE OR REPLACE FUNCTION cams.log_{name}_update() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- A row that moves (a student changing school) is logged in both schools.
  PERFORM cams.log_changes(ARRAY(
    SELECT ROW(s.school_id, '{name}', n.id, n.version,
               CASE WHEN o.deleted_at IS NULL AND n.deleted_at IS NOT NULL
                    THEN 'delete' ELSE 'update' END,
               cams.changed_fields(to_jsonb(o), to_jsonb(n)))::cams.change
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    CROSS JOIN LATERAL (SELECT * FROM cams.school_of_{name}(n)
                        UNION SELECT * FROM cams.school_of_{name}(o)) s(school_id)
    WHERE s.school_id IS NOT NULL AND to_jsonb(o) IS DISTINCT FROM to_jsonb(n)));
  RETURN NULL;
END $$""",
        ),
    ]


def log_triggers(synced: SyncedTable) -> list[tuple[str, str]]:
    name = synced.name
    return [
        (
            "log_insert",
            f"CREATE TRIGGER log_insert AFTER INSERT ON cams.{name} "
            "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT "
            f"EXECUTE FUNCTION cams.log_{name}_insert()",
        ),
        (
            "log_update",
            f"CREATE TRIGGER log_update AFTER UPDATE ON cams.{name} "
            "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION cams.log_{name}_update()",
        ),
    ]


APPLY_MUTATION = Function(
    "apply_mutation",
    "cams.viewer, uuid, jsonb, uuid[], uuid[]",
    """
CREATE OR REPLACE FUNCTION cams.apply_mutation(
  v cams.viewer, device uuid, m jsonb, rejected uuid[], written_ids uuid[])
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  t text := m ->> 'table_name';
  op text := m ->> 'operation';
  mutation_id bigint := (m ->> 'mutation_id')::bigint;
  changes jsonb := m -> 'changes';
  cfg cams.sync_tables;
  rid uuid;
  base integer;
  fields text[];
  olds jsonb;
  news jsonb;
  cur jsonb;
  cur_visible boolean;
  cur_student uuid;
  cur_version integer;
  prospect jsonb;
  target jsonb;
  written jsonb;
  applied text[] := '{}';
  conflicted text[] := '{}';
  later_wins boolean := false;
  is_new boolean := false;
  decision text;
  kind text;
  conflict uuid;
  f text;
  ref_column text;
  ref_table text;
  ref_id uuid;
  ref_deleted boolean;
  wrote boolean := false;
  unseen text[];
  me text := v.staff_id::text;
BEGIN
  SELECT * INTO cfg FROM cams.sync_tables st WHERE st.table_name = t;
  IF NOT FOUND THEN
    PERFORM cams.reject('validation', format('unknown table %s', coalesce(t, 'null')));
  END IF;
  IF op IS NULL OR op NOT IN ('insert', 'update', 'delete', 'purge') THEN
    PERFORM cams.reject('validation',
                        format('unknown operation %s', coalesce(op, 'null')));
  END IF;
  rid := cams.uuid_or_null(m ->> 'row_id');
  IF rid IS NULL THEN
    PERFORM cams.reject('validation', 'row_id is not a UUID');
  END IF;
  IF changes IS NULL OR jsonb_typeof(changes) = 'null' THEN
    changes := '{}';
  ELSIF jsonb_typeof(changes) <> 'object' THEN
    PERFORM cams.reject('validation', 'changes is not an object');
  END IF;
  IF jsonb_typeof(m -> 'base_version') = 'number' THEN
    base := (m ->> 'base_version')::integer;
  END IF;
  IF rid = ANY (rejected) THEN
    PERFORM cams.reject('dependency',
      'an earlier change of this row in the same transaction was rejected');
  END IF;

  EXECUTE format('SELECT cams.%I(r), cams.%I(r), cams.%I(r) FROM cams.%I r '
                 'WHERE r.id = $1 FOR UPDATE',
                 'wire_' || t, 'sees_' || t, 'student_of_' || t, t)
    INTO cur, cur_visible, cur_student USING rid;
  cur_version := (cur ->> 'version')::integer;

  -- The server keeps ids, versions and who/when; the rest must be columns.
  SELECT coalesce(array_agg(k ORDER BY k), '{}') INTO fields
  FROM jsonb_object_keys(changes) k
  WHERE k <> ALL (ARRAY['id', 'version', 'created_by_id', 'updated_at',
                        'updated_by_id'])
    AND (cur IS NULL OR k <> 'created_at');
  FOREACH f IN ARRAY fields LOOP
    IF NOT f = ANY (cfg.columns) THEN
      PERFORM cams.reject('validation', format('%s has no column %s', t, f));
    END IF;
    IF jsonb_typeof(changes -> f) IS DISTINCT FROM 'array'
       OR jsonb_array_length(changes -> f) <> 2 THEN
      PERFORM cams.reject('validation',
                          format('the change of %s is not [old, new]', f));
    END IF;
  END LOOP;
  SELECT coalesce(jsonb_object_agg(k, changes -> k -> 0), '{}'),
         coalesce(jsonb_object_agg(k, changes -> k -> 1), '{}')
    INTO olds, news FROM unnest(fields) k;
  olds := cams.canonical(t, olds);
  news := cams.canonical(t, news);

  IF cur IS NULL AND op <> 'insert' THEN
    IF EXISTS (SELECT 1 FROM cams.rejected_mutations r
               WHERE r.device_id = device AND r.row_id = rid) THEN
      PERFORM cams.reject('dependency', 'this row was refused earlier');
    END IF;
    PERFORM cams.reject('validation', 'this row does not exist on the server');
  END IF;

  -- Who may write this row: what they see, their level, authorship. A row
  -- written earlier in this push is checked with the others at its end.
  IF cur IS NOT NULL AND NOT cur_visible AND NOT rid = ANY (written_ids)
     AND (cfg.own_column IS NULL OR cur ->> cfg.own_column IS DISTINCT FROM me) THEN
    unseen := cams.unseen_reason(v, cur_student);
    PERFORM cams.reject(unseen[1], unseen[2]);
  END IF;
  prospect := coalesce(cur, '{}') || news;
  IF NOT (cfg.self_fields IS NOT NULL AND cur ->> 'id' = me
          AND fields <@ cfg.self_fields) THEN
    IF v.access_level > cfg.write_level
       AND NOT (cur IS NOT NULL AND fields <@ cfg.low_level_fields) THEN
      PERFORM cams.reject('permission',
                          format('your access level may not change %s', t));
    END IF;
    IF cfg.rank_column IS NOT NULL AND (
         (cur ->> cfg.rank_column)::integer <= v.access_level
         OR (prospect ->> cfg.rank_column)::integer <= v.access_level) THEN
      PERFORM cams.reject('permission',
                          'only staff of a lower access level may be changed');
    END IF;
  END IF;
  IF cfg.author_column IS NOT NULL AND (
       (cur IS NOT NULL AND cur ->> cfg.author_column IS DISTINCT FROM me)
       OR prospect ->> cfg.author_column IS DISTINCT FROM me) THEN
    PERFORM cams.reject('permission', 'only its author may change it');
  END IF;
  IF cfg.own_column IS NOT NULL AND v.access_level > {sees_all}
     AND ((cur IS NOT NULL AND cur ->> cfg.own_column IS DISTINCT FROM me)
          OR prospect ->> cfg.own_column IS DISTINCT FROM me) THEN
    PERFORM cams.reject('permission', 'only your own list may be changed');
  END IF;

  -- The decision (rule 8 and 9).
  IF op = 'insert' AND cur IS NULL THEN
    is_new := true;
    target := news || jsonb_build_object(
      'id', rid, 'version', 1, 'created_by_id', v.staff_id,
      'updated_by_id', v.staff_id, 'updated_at', cams.wire_ts(now()),
      'created_at', coalesce(nullif(news -> 'created_at', 'null'::jsonb),
                             cams.wire_ts(now())));
    applied := fields;
    decision := 'applied';
  ELSIF op = 'insert' AND NOT cfg.link THEN
    PERFORM cams.reject('validation', 'a row with this id already exists');
  ELSIF op IN ('delete', 'purge') THEN
    IF cur -> 'deleted_at' <> 'null'::jsonb THEN
      decision := 'merged';
    ELSE
      target := cur || jsonb_build_object('deleted_at',
        coalesce(nullif(news -> 'deleted_at', 'null'::jsonb), cams.wire_ts(now())));
      applied := ARRAY['deleted_at'];
      decision := CASE WHEN base = cur_version THEN 'applied' ELSE 'merged' END;
    END IF;
  ELSIF cur -> 'deleted_at' <> 'null'::jsonb
        AND NOT (cfg.link AND news -> 'deleted_at' = 'null'::jsonb) THEN
    -- An edit of a deleted row is a conflict, never an undelete.
    conflicted := fields;
    kind := 'deleted';
    decision := 'conflict';
  ELSIF cfg.policy = 'insert_only' THEN
    PERFORM cams.reject('validation',
                        format('%s are never edited; deleting one retracts it', t));
  ELSIF cfg.policy = 'author' AND base IS DISTINCT FROM cur_version THEN
    -- A second offline edit by the author: kept whole as a revision.
    conflicted := fields;
    kind := 'revision';
    decision := 'conflict';
  ELSE
    FOREACH f IN ARRAY fields LOOP
      CONTINUE WHEN cur -> f = news -> f;
      IF cur -> f = olds -> f OR cfg.policy = 'author' THEN
        applied := applied || f;
      ELSIF cfg.policy = 'strict' OR f = ANY (cfg.sensitive_fields) THEN
        conflicted := conflicted || f;
      ELSE
        applied := applied || f;
        later_wins := true;
      END IF;
    END LOOP;
    target := cur || (SELECT coalesce(jsonb_object_agg(k, news -> k), '{}')
                      FROM unnest(applied) k);
    IF cardinality(conflicted) > 0 THEN
      kind := 'field';
      decision := 'conflict';
    ELSIF later_wins OR base IS DISTINCT FROM cur_version THEN
      decision := 'merged';
    ELSE
      decision := 'applied';
    END IF;
  END IF;

  -- A child of a deleted parent is rejected, never stored as an orphan.
  IF target IS NOT NULL THEN
    FOR ref_column, ref_table IN
        SELECT r.key, r.value #>> '{}' FROM jsonb_each(cfg.refs) r LOOP
      CONTINUE WHEN NOT (is_new OR ref_column = ANY (applied)
                         OR (cur -> 'deleted_at' <> 'null'::jsonb
                             AND 'deleted_at' = ANY (applied)));
      ref_id := cams.uuid_or_null(target ->> ref_column);
      CONTINUE WHEN ref_id IS NULL;
      EXECUTE format('SELECT deleted_at IS NOT NULL FROM cams.%I WHERE id = $1',
                     ref_table) INTO ref_deleted USING ref_id;
      IF ref_deleted THEN
        PERFORM cams.reject('deleted_parent',
                            format('%s refers to a deleted row', ref_column));
      ELSIF ref_deleted IS NULL AND (ref_id = ANY (rejected) OR EXISTS (
          SELECT 1 FROM cams.rejected_mutations r
          WHERE r.device_id = device AND r.row_id = ref_id)) THEN
        PERFORM cams.reject('dependency',
                            format('%s refers to a row refused earlier', ref_column));
      ELSIF ref_deleted IS NULL THEN
        PERFORM cams.reject('validation',
                            format('%s refers to a missing row', ref_column));
      END IF;
    END LOOP;
  END IF;

  written := cur;
  IF target IS NOT NULL AND (is_new OR target <> cur) THEN
    IF NOT is_new THEN
      target := target || jsonb_build_object(
        'version', cur_version + 1, 'updated_at', cams.wire_ts(now()),
        'updated_by_id', v.staff_id);
    END IF;
    EXECUTE format('SELECT cams.%I(cams.%I($1), $2)', 'put_' || t, 'unwire_' || t)
      USING target, is_new;
    EXECUTE format('SELECT cams.%I(r) FROM cams.%I r WHERE r.id = $1', 'wire_' || t, t)
      INTO written USING rid;
    wrote := true;
  END IF;

  IF decision = 'conflict' THEN
    INSERT INTO cams.conflicts (device_id, staff_id, mutation_id, table_name,
                                row_id, kind, base_version, server_version, fields)
    VALUES (device, v.staff_id, mutation_id, t, rid, kind, base,
            (written ->> 'version')::integer,
            (SELECT coalesce(jsonb_object_agg(k, jsonb_build_object(
                      'base', olds -> k, 'theirs', cur -> k, 'mine', news -> k)), '{}')
             FROM unnest(conflicted) k))
    RETURNING id INTO conflict;
  END IF;

  INSERT INTO cams.server_audit (client_recorded_at, device_id, staff_id,
    role_name, mutation_id, transaction_id, table_name, row_id, operation,
    base_version, decision, policy, before, after, requested)
  VALUES (cams.timestamp_or_null(m ->> 'recorded_at'), device, v.staff_id,
    session_user, mutation_id, cams.uuid_or_null(m ->> 'transaction_id'), t,
    rid, op, base, decision, cfg.policy,
    CASE WHEN cur IS NOT NULL THEN
      (SELECT jsonb_object_agg(k, cur -> k) FROM unnest(fields) k) END,
    (SELECT jsonb_object_agg(k, written -> k) FROM unnest(fields) k),
    news);

  RETURN jsonb_build_object(
    'mutation_id', mutation_id, 'result', decision,
    'version', (written ->> 'version')::integer,
    'updated_at', written -> 'updated_at', 'conflict_id', conflict,
    'fields', CASE WHEN cardinality(conflicted) > 0 THEN to_jsonb(conflicted) END,
    'wrote', wrote);
END $$""".replace("{sees_all}", str(int(SEES_ALL_STUDENTS))),
)

RECORD_REJECTION = Function(
    "record_rejection",
    "cams.viewer, uuid, jsonb, text, text",
    """
CREATE OR REPLACE FUNCTION cams.record_rejection(
  v cams.viewer, device uuid, m jsonb, reason text, message text) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  mutation_id bigint := (m ->> 'mutation_id')::bigint;
BEGIN
  -- Kept for an administrator (rule 4); the desktop moves it to its list.
  INSERT INTO cams.rejected_mutations (device_id, staff_id, mutation_id,
    table_name, row_id, reason, message, mutation)
  VALUES (device, v.staff_id, mutation_id, m ->> 'table_name',
          cams.uuid_or_null(m ->> 'row_id'), reason, message, m);
  INSERT INTO cams.server_audit (client_recorded_at, device_id, staff_id,
    role_name, mutation_id, transaction_id, table_name, row_id, operation,
    decision, reason, requested)
  VALUES (cams.timestamp_or_null(m ->> 'recorded_at'), device, v.staff_id,
    session_user, mutation_id, cams.uuid_or_null(m ->> 'transaction_id'),
    m ->> 'table_name', cams.uuid_or_null(m ->> 'row_id'), m ->> 'operation',
    'rejected', reason, m -> 'changes');
  RETURN jsonb_build_object('mutation_id', mutation_id, 'result', 'rejected',
                            'reason', reason, 'message', message);
END $$""",
)

PUSH = Function(
    "push",
    "uuid, text, jsonb",
    f"""
CREATE OR REPLACE FUNCTION cams.push(device_id uuid, schema_version text,
                                     mutations jsonb) RETURNS jsonb
LANGUAGE plpgsql {DEFINER} SET TimeZone = 'UTC' AS $$
DECLARE
  v cams.viewer := cams.viewer();
  refusal jsonb;
  progress cams.device_progress;
  m jsonb;
  mid bigint;
  previous bigint;
  first_id bigint;
  outcome jsonb;
  results jsonb := '[]';
  rejected uuid[];
  row_id uuid;
  written_tables text[];
  written_ids uuid[];
  written_mids bigint[];
  forced jsonb := '{{}}';
  seen boolean;
  seen_student uuid;
  reason text;
  message text;
  earlier text;
BEGIN
  PERFORM cams.require_viewer(v);
  refusal := cams.check_version(push.schema_version);
  IF refusal IS NOT NULL THEN
    RETURN refusal;
  END IF;
  IF push.device_id IS NULL OR jsonb_typeof(mutations) IS DISTINCT FROM 'array' THEN
    RETURN jsonb_build_object('status', 'invalid',
      'message', 'give a device id and an array of mutations');
  END IF;
  FOR m IN SELECT value FROM jsonb_array_elements(mutations) LOOP
    IF jsonb_typeof(m) IS DISTINCT FROM 'object'
       OR coalesce(m ->> 'mutation_id', '') !~ '^[0-9]{{1,18}}$' THEN
      RETURN jsonb_build_object('status', 'invalid',
        'message', 'every mutation needs a whole mutation_id');
    END IF;
    mid := (m ->> 'mutation_id')::bigint;
    IF previous IS NOT NULL AND mid <> previous + 1 THEN
      RETURN jsonb_build_object('status', 'invalid',
        'message', 'mutation ids of one push must follow each other');
    END IF;
    IF m ? 'device_id' AND m ->> 'device_id' IS DISTINCT FROM push.device_id::text
       AND cams.uuid_or_null(m ->> 'device_id') IS DISTINCT FROM push.device_id THEN
      RETURN jsonb_build_object('status', 'invalid',
        'message', 'every mutation must come from the pushing device');
    END IF;
    first_id := coalesce(first_id, mid);
    previous := mid;
  END LOOP;
  IF previous IS NULL THEN
    RETURN jsonb_build_object('status', 'ok', 'results', results);
  END IF;

  -- One writer per school at a time, from the start: sequence order is
  -- commit order (rule 5) and pushes never deadlock on each other.
  INSERT INTO cams.school_counters (school_id) VALUES (v.school_id)
    ON CONFLICT DO NOTHING;
  PERFORM 1 FROM cams.school_counters sc WHERE sc.school_id = v.school_id
    FOR UPDATE;
  -- A device's first push starts its numbering (a restored file is a new
  -- device); from then on its mutations must follow each other (rule 3).
  INSERT INTO cams.device_progress AS d (device_id, staff_id, role_name,
                                         last_mutation_id)
    VALUES (push.device_id, v.staff_id, session_user, first_id - 1)
    ON CONFLICT DO NOTHING;
  SELECT * INTO progress FROM cams.device_progress d
    WHERE d.device_id = push.device_id FOR UPDATE;
  IF progress.staff_id <> v.staff_id THEN
    INSERT INTO cams.server_audit (device_id, staff_id, role_name, decision,
                                   reason, requested)
    VALUES (push.device_id, v.staff_id, session_user, 'refused',
            'device_of_another_user', jsonb_build_object(
              'first_mutation_id', first_id, 'last_mutation_id', previous));
    RETURN jsonb_build_object('status', 'refused',
      'reason', 'device_of_another_user',
      'message', 'this device id belongs to another staff member');
  END IF;
  IF first_id > progress.last_mutation_id + 1 THEN
    RETURN jsonb_build_object('status', 'resend',
      'resend_from', progress.last_mutation_id + 1,
      'last_mutation_id', progress.last_mutation_id);
  END IF;

  -- Rows must end up where the caller sees them, but only once the whole
  -- transaction is in (a teacher's new student is seen through the caseload
  -- link that follows it). A row that does not is blamed on the mutation
  -- that first wrote it, and the push starts again with that one rejected.
  LOOP
    BEGIN
      results := '[]';
      rejected := '{{}}';
      written_tables := '{{}}';
      written_ids := '{{}}';
      written_mids := '{{}}';
      FOR m IN SELECT value FROM jsonb_array_elements(mutations) LOOP
        mid := (m ->> 'mutation_id')::bigint;
        row_id := cams.uuid_or_null(m ->> 'row_id');
        IF mid <= progress.last_mutation_id THEN
          -- The answer to its first delivery may have been lost: repeat what
          -- was decided then, so that a refusal still reaches the desktop.
          SELECT a.decision, (SELECT r.message FROM cams.rejected_mutations r
                              WHERE r.device_id = a.device_id
                                AND r.mutation_id = a.mutation_id LIMIT 1)
            INTO earlier, message
            FROM cams.server_audit a
            WHERE a.device_id = push.device_id AND a.mutation_id = mid
            ORDER BY a.id LIMIT 1;
          results := results || jsonb_build_object('mutation_id', mid,
            'result', 'duplicate', 'decision', earlier, 'message', message);
          CONTINUE;
        END IF;
        IF forced ? mid::text THEN
          outcome := cams.record_rejection(v, push.device_id, m,
            forced -> mid::text ->> 0, forced -> mid::text ->> 1);
        ELSE
          BEGIN
            outcome := cams.apply_mutation(v, push.device_id, m, rejected,
                                           written_ids);
          EXCEPTION
            WHEN SQLSTATE 'CA001' THEN
              GET STACKED DIAGNOSTICS message = MESSAGE_TEXT,
                                      reason = PG_EXCEPTION_HINT;
              outcome := cams.record_rejection(v, push.device_id, m, reason,
                                               message);
            WHEN data_exception OR integrity_constraint_violation THEN
              GET STACKED DIAGNOSTICS message = MESSAGE_TEXT;
              outcome := cams.record_rejection(v, push.device_id, m,
                                               'validation', message);
          END;
        END IF;
        IF outcome ->> 'result' = 'rejected' THEN
          rejected := rejected || row_id;
        ELSIF (outcome ->> 'wrote')::boolean AND NOT row_id = ANY (written_ids) THEN
          written_tables := written_tables || (m ->> 'table_name');
          written_ids := written_ids || row_id;
          written_mids := written_mids || mid;
        END IF;
        results := results || (outcome - 'wrote');
      END LOOP;
      FOR i IN 1 .. cardinality(written_ids) LOOP
        EXECUTE format('SELECT cams.%I(r), cams.%I(r) FROM cams.%I r WHERE r.id = $1',
                       'sees_' || written_tables[i], 'student_of_' || written_tables[i],
                       written_tables[i])
          INTO seen, seen_student USING written_ids[i];
        IF NOT seen THEN
          forced := forced || jsonb_build_object(written_mids[i]::text,
                                                 cams.unseen_reason(v, seen_student));
          RAISE EXCEPTION USING ERRCODE = 'CA002', MESSAGE = 'row out of sight';
        END IF;
      END LOOP;
      EXIT;
    EXCEPTION WHEN SQLSTATE 'CA002' THEN
      -- Everything this attempt wrote is undone; try again.
      NULL;
    END;
  END LOOP;

  UPDATE cams.device_progress d
    SET last_mutation_id = greatest(d.last_mutation_id, previous), last_push_at = now()
    WHERE d.device_id = push.device_id;
  RETURN jsonb_build_object('status', 'ok',
    'last_mutation_id', greatest(progress.last_mutation_id, previous),
    'results', results);
END $$""",
    for_staff=True,
)

PULL = Function(
    "pull",
    "bigint, text, integer",
    f"""
CREATE OR REPLACE FUNCTION cams.pull(cursor bigint, schema_version text,
                                     page_size integer) RETURNS jsonb
LANGUAGE plpgsql {DEFINER} SET TimeZone = 'UTC' AS $$
DECLARE
  v cams.viewer := cams.viewer();
  refusal jsonb;
  counter cams.school_counters;
  since bigint := coalesce(pull.cursor, 0);
  size integer := least(greatest(coalesce(pull.page_size, 500), 1), 5000);
  new_cursor bigint;
  candidates cams.pull_candidate[];
  t text;
  part_rows jsonb;
  part_removed jsonb;
  visible text;
  found_rows jsonb := '[]';
  removed jsonb := '[]';
  more boolean;
BEGIN
  PERFORM cams.require_viewer(v);
  refusal := cams.check_version(pull.schema_version);
  IF refusal IS NOT NULL THEN
    RETURN refusal;
  END IF;
  SELECT * INTO counter FROM cams.school_counters sc WHERE sc.school_id = v.school_id;
  IF since > coalesce(counter.last_seq, 0) THEN
    -- The server was restored from an older backup.
    RETURN jsonb_build_object('status', 'cursor_ahead',
      'last_seq', coalesce(counter.last_seq, 0));
  END IF;
  IF since < counter.horizon_seq THEN
    -- Deletions the desktop has not seen were compacted away (rule 9): it
    -- downloads every table again with table_rows.
    RETURN jsonb_build_object('status', 'cursor_too_old',
      'horizon', counter.horizon_seq);
  END IF;

  WITH e AS (
    SELECT c.* FROM cams.change_log c
    WHERE c.school_id = v.school_id AND c.seq > since
    ORDER BY c.seq LIMIT size
  ), found AS (
    -- The changed rows; an edit that may hide a row from someone who saw it
    -- reports the row as removed when the caller no longer sees it.
    SELECT e.seq, e.table_name, e.row_id,
           coalesce(e.operation <> 'insert' AND e.fields && st.visibility_fields,
                    false) AS removable
    FROM e JOIN cams.sync_tables st ON st.table_name = e.table_name
    UNION ALL
    -- A student joining or leaving the caller's list, or changing school,
    -- brings or removes everything of theirs (rule 10); the rows of a
    -- student still seen that the caller may not see are not named.
    SELECT e.seq, x.table_name, x.row_id, NOT x.student_seen
    FROM e JOIN cams.caseload_assignments ca
      ON e.table_name = 'caseload_assignments' AND ca.id = e.row_id
         AND ca.staff_id = v.staff_id
    CROSS JOIN LATERAL (
      SELECT r.*, ca.student_id IN (SELECT cams.my_students()) AS student_seen
      FROM cams.rows_of_student(ca.student_id) r) x
    UNION ALL
    SELECT e.seq, x.table_name, x.row_id, NOT x.student_seen
    FROM e CROSS JOIN LATERAL (
      SELECT r.*, e.row_id IN (SELECT cams.my_students()) AS student_seen
      FROM cams.rows_of_student(e.row_id) r) x
    WHERE e.table_name = 'students' AND 'school_id' = ANY (e.fields)
    UNION ALL
    -- Teachers see a parent through the parent's link to their students.
    SELECT e.seq, 'parents', pl.parent_id, false
    FROM e JOIN cams.parent_links pl
      ON e.table_name = 'parent_links' AND pl.id = e.row_id
  )
  SELECT (SELECT max(e.seq) FROM e),
         array_agg(ROW(f.seq, f.table_name, f.row_id, f.removable)::cams.pull_candidate)
    INTO new_cursor, candidates FROM found f;

  FOR t, visible IN SELECT st.table_name, st.visible FROM cams.sync_tables st
           WHERE st.table_name IN (SELECT c.table_name FROM unnest(candidates) c)
           ORDER BY st.rank LOOP
    EXECUTE format($q$
      SELECT coalesce(jsonb_agg(jsonb_build_object('table', %1$L, 'id', c.row_id,
                                'seq', c.seq, 'data', cams.%2$I(r)) ORDER BY c.seq)
                      FILTER (WHERE r.id IS NOT NULL AND (%4$s)), '[]'),
             coalesce(jsonb_agg(jsonb_build_object('table', %1$L, 'id', c.row_id)
                                ORDER BY c.row_id)
                      FILTER (WHERE c.removable
                              AND (r.id IS NULL OR NOT coalesce(%4$s, false))), '[]')
      FROM (SELECT u.row_id, max(u.seq) AS seq, bool_or(u.removable) AS removable
            FROM unnest($1) u WHERE u.table_name = %1$L GROUP BY u.row_id) c
      LEFT JOIN cams.%3$I r ON r.id = c.row_id $q$,
      t, 'pull_wire_' || t, t, visible)
      INTO part_rows, part_removed USING candidates;
    found_rows := found_rows || part_rows;
    removed := part_removed || removed;
  END LOOP;

  new_cursor := coalesce(new_cursor, since);
  more := EXISTS (SELECT 1 FROM cams.change_log c
                  WHERE c.school_id = v.school_id AND c.seq > new_cursor);
  IF NOT more THEN
    -- Nothing is left up to the counter read above: the cursor may skip the
    -- numbers compaction took away.
    new_cursor := greatest(new_cursor, coalesce(counter.last_seq, 0));
  END IF;
  RETURN jsonb_build_object('status', 'ok', 'cursor', new_cursor,
    'has_more', more, 'rows', found_rows, 'removed', removed);
END $$""",
    for_staff=True,
)

COUNTS = Function(
    "counts",
    "text",
    f"""
CREATE OR REPLACE FUNCTION cams.counts(schema_version text) RETURNS jsonb
LANGUAGE plpgsql {DEFINER} AS $$
DECLARE
  v cams.viewer := cams.viewer();
  refusal jsonb;
  t text;
  visible text;
  n bigint;
  digest text;
  tables jsonb := '{{}}';
BEGIN
  PERFORM cams.require_viewer(v);
  refusal := cams.check_version(counts.schema_version);
  IF refusal IS NOT NULL THEN
    RETURN refusal;
  END IF;
  FOR t, visible IN SELECT st.table_name, st.visible FROM cams.sync_tables st
                    ORDER BY st.rank LOOP
    EXECUTE format($q$
      SELECT count(*), md5(coalesce(string_agg(r.id::text || ':' || r.version,
                                               E'\\n' ORDER BY r.id), ''))
      FROM cams.%I r WHERE r.deleted_at IS NULL AND %s $q$,
      t, visible) INTO n, digest;
    tables := tables || jsonb_build_object(t,
      jsonb_build_object('count', n, 'hash', digest));
  END LOOP;
  RETURN jsonb_build_object('status', 'ok', 'tables', tables);
END $$""",
    for_staff=True,
)

TABLE_ROWS = Function(
    "table_rows",
    "text, uuid, integer, text",
    f"""
CREATE OR REPLACE FUNCTION cams.table_rows(table_name text, after_id uuid,
  page_size integer, schema_version text) RETURNS jsonb
LANGUAGE plpgsql {DEFINER} SET TimeZone = 'UTC' AS $$
DECLARE
  v cams.viewer := cams.viewer();
  refusal jsonb;
  size integer := least(greatest(coalesce(table_rows.page_size, 500), 1), 5000);
  page jsonb;
  since bigint;
  visible text;
BEGIN
  PERFORM cams.require_viewer(v);
  refusal := cams.check_version(table_rows.schema_version);
  IF refusal IS NOT NULL THEN
    RETURN refusal;
  END IF;
  SELECT st.visible INTO visible FROM cams.sync_tables st
    WHERE st.table_name = table_rows.table_name;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('status', 'invalid',
      'message', format('unknown table %s', table_rows.table_name));
  END IF;
  -- Read first: every change up to it is in the rows read after it.
  SELECT coalesce(max(sc.last_seq), 0) INTO since
    FROM cams.school_counters sc WHERE sc.school_id = v.school_id;
  EXECUTE format($q$
    SELECT coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'data', p.data)
                              ORDER BY p.id), '[]')
    FROM (SELECT r.id, cams.%2$I(r) AS data FROM cams.%1$I r
          WHERE ($1 IS NULL OR r.id > $1) AND %3$s
          ORDER BY r.id LIMIT $2) p $q$,
    table_rows.table_name, 'pull_wire_' || table_rows.table_name, visible)
    INTO page USING table_rows.after_id, size + 1;
  RETURN jsonb_build_object('status', 'ok',
    'rows', CASE WHEN jsonb_array_length(page) > size THEN page - size ELSE page END,
    'last_id', CASE WHEN jsonb_array_length(page) > size THEN page -> (size - 1) -> 'id'
                    ELSE page -> -1 -> 'id' END,
    'has_more', jsonb_array_length(page) > size, 'cursor', since);
END $$""",
    for_staff=True,
)

COMPACT = Function(
    "compact_change_log",
    "interval",
    """
CREATE OR REPLACE FUNCTION cams.compact_change_log(keep interval) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
  superseded bigint;
  tombstones bigint;
BEGIN
  -- An entry followed by a newer one of the same row is not needed: the row
  -- comes with the newer entry, which takes over its field names.
  UPDATE cams.change_log c
    SET fields = ARRAY(SELECT DISTINCT x
                       FROM unnest(coalesce(c.fields, '{}') || o.fields) x ORDER BY 1)
    FROM (SELECT d.school_id, d.table_name, d.row_id,
                 array_agg(DISTINCT f) FILTER (WHERE f IS NOT NULL) AS fields
          FROM cams.change_log d LEFT JOIN LATERAL unnest(d.fields) f ON true
          WHERE d.logged_at < now() - keep AND EXISTS (
            SELECT 1 FROM cams.change_log n
            WHERE n.school_id = d.school_id AND n.table_name = d.table_name
              AND n.row_id = d.row_id AND n.seq > d.seq)
          GROUP BY 1, 2, 3) o
    WHERE c.school_id = o.school_id AND c.table_name = o.table_name
      AND c.row_id = o.row_id AND o.fields IS NOT NULL
      AND NOT EXISTS (
        SELECT 1 FROM cams.change_log n
        WHERE n.school_id = c.school_id AND n.table_name = c.table_name
          AND n.row_id = c.row_id AND n.seq > c.seq);
  DELETE FROM cams.change_log c
    WHERE c.logged_at < now() - keep AND EXISTS (
      SELECT 1 FROM cams.change_log d
      WHERE d.school_id = c.school_id AND d.table_name = c.table_name
        AND d.row_id = c.row_id AND d.seq > c.seq);
  GET DIAGNOSTICS superseded = ROW_COUNT;
  -- Old deletions leave the log: a desktop that has not seen them must
  -- download everything again (rule 9).
  WITH gone AS (
    DELETE FROM cams.change_log c
    WHERE c.logged_at < now() - keep AND c.operation = 'delete'
    RETURNING c.school_id, c.seq
  ), tops AS (
    SELECT g.school_id, max(g.seq) AS top, count(*) AS n FROM gone g GROUP BY 1
  ), raised AS (
    UPDATE cams.school_counters sc SET horizon_seq = greatest(sc.horizon_seq, tops.top)
    FROM tops WHERE sc.school_id = tops.school_id
    RETURNING tops.n
  )
  SELECT coalesce(sum(raised.n), 0) INTO tombstones FROM raised;
  RETURN superseded + tombstones;
END $$""",
)


# Conflicts are resolved by the school's program administrators (SYNC.md
# rule 13); the desktop's permission matrix says the same (REVIEW_CONFLICTS).
PROGRAM_ADMIN_LEVEL = 1

REQUIRE_ADMINISTRATOR = Function(
    "require_administrator",
    "cams.viewer",
    f"""
CREATE OR REPLACE FUNCTION cams.require_administrator(v cams.viewer) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM cams.require_viewer(v);
  IF v.access_level > {PROGRAM_ADMIN_LEVEL} THEN
    RAISE EXCEPTION 'only program administrators may review sync conflicts'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
END $$""",
)

OPEN_CONFLICTS = Function(
    "open_conflicts",
    "",
    f"""
CREATE OR REPLACE FUNCTION cams.open_conflicts() RETURNS jsonb
LANGUAGE plpgsql {DEFINER} SET TimeZone = 'UTC' AS $$
DECLARE
  v cams.viewer := cams.viewer();
  c cams.conflicts;
  in_school boolean;
  student uuid;
  found jsonb := '[]';
BEGIN
  PERFORM cams.require_administrator(v);
  FOR c IN SELECT * FROM cams.conflicts x WHERE x.resolved_at IS NULL
           ORDER BY x.created_at, x.id LOOP
    EXECUTE format('SELECT $2 IN (SELECT cams.%I(r)), cams.%I(r) '
                   'FROM cams.%I r WHERE r.id = $1',
                   'school_of_' || c.table_name, 'student_of_' || c.table_name,
                   c.table_name)
      INTO in_school, student USING c.row_id, v.school_id;
    CONTINUE WHEN NOT coalesce(in_school, false);
    found := found || jsonb_build_object(
      'id', c.id, 'created_at', cams.wire_ts(c.created_at),
      'table', c.table_name, 'row_id', c.row_id, 'kind', c.kind,
      'base_version', c.base_version, 'server_version', c.server_version,
      'fields', c.fields, 'staff_id', c.staff_id,
      'author', (SELECT s.first_name || ' ' || s.last_name FROM cams.staff s
                 WHERE s.id = c.staff_id),
      'student', (SELECT st.first_name || ' ' || st.last_name
                  FROM cams.students st WHERE st.id = student));
  END LOOP;
  RETURN jsonb_build_object('status', 'ok', 'conflicts', found);
END $$""",
    for_staff=True,
)

RESOLVE_CONFLICT = Function(
    "resolve_conflict",
    "uuid, text, jsonb",
    f"""
CREATE OR REPLACE FUNCTION cams.resolve_conflict(conflict_id uuid, choice text,
                                                 merged jsonb) RETURNS jsonb
LANGUAGE plpgsql {DEFINER} SET TimeZone = 'UTC' AS $$
DECLARE
  v cams.viewer := cams.viewer();
  c cams.conflicts;
  cfg cams.sync_tables;
  cur jsonb;
  in_school boolean;
  chosen jsonb;
  target jsonb;
  written jsonb;
  changed text[];
BEGIN
  PERFORM cams.require_administrator(v);
  SELECT * INTO c FROM cams.conflicts x WHERE x.id = conflict_id FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no conflict %', conflict_id USING ERRCODE = 'no_data_found';
  END IF;
  SELECT * INTO cfg FROM cams.sync_tables st WHERE st.table_name = c.table_name;
  EXECUTE format('SELECT cams.%I(r), $2 IN (SELECT cams.%I(r)) '
                 'FROM cams.%I r WHERE r.id = $1 FOR UPDATE',
                 'wire_' || c.table_name, 'school_of_' || c.table_name,
                 c.table_name)
    INTO cur, in_school USING c.row_id, v.school_id;
  IF NOT coalesce(in_school, false) THEN
    RAISE EXCEPTION 'conflict % is not of your school', conflict_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF c.resolved_at IS NOT NULL THEN
    RAISE EXCEPTION 'conflict % was already resolved', conflict_id
      USING ERRCODE = 'invalid_parameter_value';
  END IF;

  -- The values chosen per field; the conflict row keeps both sides.
  IF choice IN ('theirs', 'mine') THEN
    SELECT coalesce(jsonb_object_agg(f.key, f.value -> choice), '{{}}')
      INTO chosen FROM jsonb_each(c.fields) f;
  ELSIF choice = 'merge' THEN
    IF jsonb_typeof(merged) IS DISTINCT FROM 'object' OR EXISTS (
        SELECT 1 FROM jsonb_object_keys(merged) k WHERE NOT c.fields ? k) THEN
      RAISE EXCEPTION 'merged values must name fields of the conflict'
        USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT coalesce(jsonb_object_agg(f.key, coalesce(merged -> f.key,
                                                      f.value -> 'theirs')), '{{}}')
      INTO chosen FROM jsonb_each(c.fields) f;
  ELSE
    RAISE EXCEPTION 'choose theirs, mine or merge, not %', coalesce(choice, 'null')
      USING ERRCODE = 'invalid_parameter_value';
  END IF;
  chosen := cams.canonical(c.table_name, chosen);
  SELECT coalesce(array_agg(k ORDER BY k), '{{}}') INTO changed
    FROM jsonb_object_keys(chosen) k WHERE cur -> k IS DISTINCT FROM chosen -> k;

  written := cur;
  IF cardinality(changed) > 0 THEN
    -- A new change like any other: a new version, a change-log entry (the
    -- table's trigger) that every desktop pulls.
    target := cur || chosen || jsonb_build_object(
      'version', (cur ->> 'version')::integer + 1,
      'updated_at', cams.wire_ts(now()), 'updated_by_id', v.staff_id);
    EXECUTE format('SELECT cams.%I(cams.%I($1), false)',
                   'put_' || c.table_name, 'unwire_' || c.table_name)
      USING target;
    EXECUTE format('SELECT cams.%I(r) FROM cams.%I r WHERE r.id = $1',
                   'wire_' || c.table_name, c.table_name)
      INTO written USING c.row_id;
  END IF;

  UPDATE cams.conflicts x SET resolved_at = now(), resolved_by = session_user
    WHERE x.id = c.id;
  INSERT INTO cams.server_audit (staff_id, role_name, table_name, row_id,
    operation, base_version, decision, policy, reason, before, after, requested)
  VALUES (v.staff_id, session_user, c.table_name, c.row_id, 'update',
    (cur ->> 'version')::integer, 'resolved', cfg.policy, choice,
    (SELECT jsonb_object_agg(k, cur -> k) FROM jsonb_object_keys(chosen) k),
    (SELECT jsonb_object_agg(k, written -> k) FROM jsonb_object_keys(chosen) k),
    jsonb_build_object('conflict_id', c.id, 'choice', choice, 'merged', merged));
  RETURN jsonb_build_object('status', 'ok', 'changed', to_jsonb(changed),
                            'version', (written ->> 'version')::integer);
END $$""",
    for_staff=True,
)

SERVER_INFO = Function(
    "server_info",
    "text",
    f"""
CREATE OR REPLACE FUNCTION cams.server_info(schema_version text) RETURNS jsonb
LANGUAGE plpgsql {DEFINER} AS $$
DECLARE
  v cams.viewer := cams.viewer();
  refusal jsonb;
BEGIN
  PERFORM cams.require_viewer(v);
  refusal := cams.check_version(server_info.schema_version);
  RETURN coalesce(refusal, '{{"status": "ok"}}') || (
    SELECT jsonb_build_object('version', i.version,
                              'min_version', i.min_client_version,
                              'max_version', i.max_client_version)
    FROM cams.schema_info i);
END $$""",
    for_staff=True,
)

SERVER_FUNCTIONS = (
    LOG_CHANGES,
    APPLY_MUTATION,
    RECORD_REJECTION,
    PUSH,
    PULL,
    COUNTS,
    TABLE_ROWS,
    COMPACT,
    REQUIRE_ADMINISTRATOR,
    OPEN_CONFLICTS,
    RESOLVE_CONFLICT,
    SERVER_INFO,
)

# --- staff logins (program administrators, from their desktop) ----------------
#
# These run as ``<prefix>logins`` (see ``roles``), the one role that may create
# roles; ``setup`` makes them as that role. A desktop sends a SCRAM verifier,
# never a password, so no clear password reaches the server or its logs.

STAFF_ROLE_NAME = Function(
    "staff_role_name",
    "text, text, text[]",
    f"""
CREATE OR REPLACE FUNCTION cams.staff_role_name(prefix text, username text,
                                                taken text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  -- roles.staff_role_name, to the character.
  SELECT CASE WHEN length(prefix || 'u_' || n.slug) > {MAX_ROLE_NAME}
                   OR prefix || 'u_' || n.slug = ANY (taken)
    THEN prefix || 'u_' || left(n.slug, {MAX_ROLE_NAME} - length(prefix) - 9)
         || '_' || left(encode(sha256(convert_to(username, 'UTF8')), 'hex'), 6)
    ELSE prefix || 'u_' || n.slug END
  FROM (SELECT coalesce(nullif(btrim(regexp_replace(
          translate(username, '{string.ascii_uppercase}', '{string.ascii_lowercase}'),
          '[^a-z0-9]+', '_', 'g'), '_'), ''), 'staff') AS slug) n
$$""",
)

LOGIN_REFUSAL = Function(
    "login_refusal",
    "cams.viewer",
    f"""
CREATE OR REPLACE FUNCTION cams.login_refusal(v cams.viewer) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN v.staff_id IS NULL THEN jsonb_build_object('status', 'refused',
      'reason', 'not_staff',
      'message', 'this role is not an active CAMS staff member on this server')
    WHEN v.access_level > {PROGRAM_ADMIN_LEVEL} THEN jsonb_build_object(
      'status', 'refused', 'reason', 'not_administrator',
      'message', 'only program administrators manage server logins')
  END
$$""",
)

DISABLE_LOGIN_OF = Function(
    "disable_login_of",
    "uuid",
    """
CREATE OR REPLACE FUNCTION cams.disable_login_of(staff uuid) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  login text;
BEGIN
  -- The role stays, so the audit trail keeps naming it.
  UPDATE cams.staff_roles sr SET disabled_at = coalesce(sr.disabled_at, now())
    WHERE sr.staff_id = staff RETURNING sr.role_name INTO login;
  IF login IS NOT NULL AND EXISTS (
      SELECT 1 FROM pg_roles r WHERE r.rolname = login) THEN
    BEGIN
      EXECUTE format('ALTER ROLE %I NOLOGIN', login);
    EXCEPTION WHEN insufficient_privilege THEN
      -- PostgreSQL 16+: a role made by an administrator before the logins
      -- role administered it. disabled_at already shuts cams.viewer().
      RAISE WARNING 'role % stays able to log in: turn it off as an administrator',
        login;
    END;
  END IF;
  RETURN login;
END $$""",
)

SET_STAFF_LOGIN = Function(
    "set_staff_login",
    "uuid, text",
    f"""
CREATE OR REPLACE FUNCTION cams.set_staff_login(staff_id uuid, verifier text)
RETURNS jsonb LANGUAGE plpgsql {DEFINER} AS $$
DECLARE
  v cams.viewer := cams.viewer();
  refusal jsonb := cams.login_refusal(v);
  target record;
  prefix text;
  login text;
  created boolean;
BEGIN
  IF refusal IS NOT NULL THEN
    RETURN refusal;
  END IF;
  IF verifier IS NULL OR verifier !~
      '^SCRAM-SHA-256\\$[0-9]+:[A-Za-z0-9+/]+=*\\$[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*$'
  THEN
    RETURN jsonb_build_object('status', 'refused', 'reason', 'not_a_verifier',
      'message', 'send a SCRAM-SHA-256 verifier, never a password');
  END IF;
  SELECT s.id, s.school_id, s.username, s.is_active, s.deleted_at INTO target
    FROM cams.staff s WHERE s.id = set_staff_login.staff_id;
  IF NOT FOUND OR target.school_id IS DISTINCT FROM v.school_id THEN
    RETURN jsonb_build_object('status', 'not_on_server');
  END IF;
  IF target.deleted_at IS NOT NULL OR NOT target.is_active THEN
    RETURN jsonb_build_object('status', 'refused', 'reason', 'inactive',
      'message', 'this staff member is not active');
  END IF;
  SELECT i.role_prefix INTO prefix FROM cams.schema_info i;
  SELECT sr.role_name INTO login FROM cams.staff_roles sr
    WHERE sr.staff_id = target.id;
  IF login IS NULL THEN
    login := cams.staff_role_name(prefix, target.username, ARRAY(
      SELECT r.rolname::text FROM pg_roles r WHERE starts_with(r.rolname, prefix)));
    IF EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login) THEN
      RETURN jsonb_build_object('status', 'refused', 'reason', 'name_taken',
        'message', format('the role %s exists and is not this staff member''s',
                          login));
    END IF;
  END IF;
  created := NOT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = login);
  EXECUTE format(CASE WHEN created THEN 'CREATE' ELSE 'ALTER' END
                 || ' ROLE %I LOGIN PASSWORD %L', login, verifier);
  EXECUTE format('GRANT %I TO %I', prefix || 'staff', login);
  INSERT INTO cams.staff_roles (role_name, staff_id) VALUES (login, target.id)
    ON CONFLICT (role_name) DO UPDATE SET disabled_at = NULL;
  RETURN jsonb_build_object('status', 'ok', 'role', login, 'created', created);
END $$""",
    for_staff=True,
)

DISABLE_STAFF_LOGIN = Function(
    "disable_staff_login",
    "uuid",
    f"""
CREATE OR REPLACE FUNCTION cams.disable_staff_login(staff_id uuid)
RETURNS jsonb LANGUAGE plpgsql {DEFINER} AS $$
DECLARE
  v cams.viewer := cams.viewer();
  refusal jsonb := cams.login_refusal(v);
  school uuid;
BEGIN
  IF refusal IS NOT NULL THEN
    RETURN refusal;
  END IF;
  IF disable_staff_login.staff_id = v.staff_id THEN
    RETURN jsonb_build_object('status', 'refused', 'reason', 'own_login',
      'message', 'nobody disables their own server login');
  END IF;
  SELECT s.school_id INTO school FROM cams.staff s
    WHERE s.id = disable_staff_login.staff_id;
  IF NOT FOUND OR school IS DISTINCT FROM v.school_id THEN
    RETURN jsonb_build_object('status', 'not_on_server');
  END IF;
  RETURN jsonb_build_object('status', 'ok',
    'role', cams.disable_login_of(disable_staff_login.staff_id));
END $$""",
    for_staff=True,
)

# A deactivated or deleted staff member's row, whoever sends it, turns their
# login off: cams.viewer() already ignores them, NOLOGIN is the second lock.
DISABLE_INACTIVE_LOGIN = Function(
    "disable_inactive_login",
    "",
    f"""
CREATE OR REPLACE FUNCTION cams.disable_inactive_login() RETURNS trigger
LANGUAGE plpgsql {DEFINER} AS $$
BEGIN
  PERFORM cams.disable_login_of(NEW.id);
  RETURN NULL;
END $$""",
)

DISABLE_INACTIVE_LOGIN_TRIGGER = (
    "disable_login",
    "CREATE TRIGGER disable_login AFTER INSERT OR UPDATE OF is_active, deleted_at"
    " ON cams.staff FOR EACH ROW"
    " WHEN (NOT NEW.is_active OR NEW.deleted_at IS NOT NULL)"
    " EXECUTE FUNCTION cams.disable_inactive_login()",
)

LOGIN_FUNCTIONS = (
    STAFF_ROLE_NAME,
    LOGIN_REFUSAL,
    DISABLE_LOGIN_OF,
    SET_STAFF_LOGIN,
    DISABLE_STAFF_LOGIN,
    DISABLE_INACTIVE_LOGIN,
)
