-- pmdb schema: the one source of the database's shape.
--
-- Migrations: each block below starts with a line `-- migration N`. A database whose
-- `PRAGMA user_version` is below N gets block N applied in one transaction, after which
-- user_version is set to N. Never edit a block that has shipped; add a new one.
--
-- Conventions
--   periods are stored in their canonical written form: '2025-02' (month),
--   '2024/25 Q4' (quarter), '2024/25' (financial year); `year` columns hold the
--   first calendar year of a financial year (2024 for 2024/25).
--   dates are ISO 'YYYY-MM-DD'; instants are UTC 'YYYY-MM-DDTHH:MM:SS.fffZ'.
--   pmdb_login() is an SQL function every pmdb connection registers: the OS login of
--   the process. The audit triggers call it, so a write outside pmdb fails instead of
--   going unrecorded. From migration 2 they also call pmdb_now() for the time; both
--   name someone else only while history is loaded on their behalf.

-- migration 1

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- The council-wide RAG rule over time: the row with the latest from_month at or before a
-- period is in force for it; from_month NULL means "since the beginning".
CREATE TABLE rag_rule_history (
    id         INTEGER PRIMARY KEY,
    from_month TEXT,
    rule       TEXT NOT NULL
);

CREATE TABLE users (
    login TEXT PRIMARY KEY,
    name  TEXT NOT NULL DEFAULT '',
    role  TEXT NOT NULL CHECK (role IN ('admin', 'performance', 'officer', 'viewer'))
);

CREATE TABLE services (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    head TEXT NOT NULL DEFAULT ''          -- login of the head of service
);

CREATE TABLE portfolios (
    code   TEXT PRIMARY KEY,
    name   TEXT NOT NULL DEFAULT '',
    holder TEXT NOT NULL DEFAULT ''        -- the portfolio holder (councillor), display name
);

CREATE TABLE boards (
    code TEXT PRIMARY KEY,                 -- 'PPG', 'MB', 'LT'
    name TEXT NOT NULL
);

CREATE TABLE board_members (
    board TEXT NOT NULL REFERENCES boards(code),
    login TEXT NOT NULL,
    PRIMARY KEY (board, login)
);

CREATE TABLE plan_nodes (
    code      TEXT PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('vision', 'priority', 'outcome', 'activity',
                                            'service_plan', 'team_plan', 'objective')),
    parent    TEXT REFERENCES plan_nodes(code),
    title     TEXT NOT NULL,
    owner     TEXT NOT NULL DEFAULT '',
    portfolio TEXT REFERENCES portfolios(code),
    service   TEXT REFERENCES services(code),
    from_year INTEGER NOT NULL,
    to_year   INTEGER,                     -- NULL: still live
    position  INTEGER NOT NULL DEFAULT 0,
    CHECK (to_year IS NULL OR to_year >= from_year),
    CHECK (parent IS NULL OR parent <> code)
);
CREATE INDEX plan_nodes_parent ON plan_nodes(parent);

CREATE TABLE indicators (
    code            TEXT PRIMARY KEY,
    title           TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('local', 'sdl', 'partner', 'contextual')),
    unit            TEXT NOT NULL DEFAULT '',
    decimals        INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 6),
    polarity        TEXT NOT NULL CHECK (polarity IN ('higher', 'lower', 'none')),
    frequency       TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'annual')),
    aggregation     TEXT NOT NULL CHECK (aggregation IN ('sum', 'mean', 'latest', 'ratio', 'max', 'min')),
    owner           TEXT NOT NULL DEFAULT '',  -- login of the accountable officer
    rag_rule        TEXT NOT NULL DEFAULT '',  -- '' = council default
    source          TEXT NOT NULL DEFAULT '',
    benchmark_group TEXT NOT NULL DEFAULT '',
    position        INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE indicator_links (
    indicator TEXT NOT NULL REFERENCES indicators(code) ON DELETE CASCADE,
    node      TEXT NOT NULL REFERENCES plan_nodes(code),
    position  INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (indicator, node)
);
CREATE INDEX indicator_links_node ON indicator_links(node);

-- Data-entry officers besides the owner.
CREATE TABLE indicator_enterers (
    indicator TEXT NOT NULL REFERENCES indicators(code) ON DELETE CASCADE,
    login     TEXT NOT NULL,
    PRIMARY KEY (indicator, login)
);

-- period '' is the annual target; a month or quarter is a profiled target.
CREATE TABLE targets (
    indicator    TEXT NOT NULL REFERENCES indicators(code) ON DELETE CASCADE,
    year         INTEGER NOT NULL,
    period       TEXT NOT NULL DEFAULT '',
    target       REAL NOT NULL,
    intervention REAL,
    PRIMARY KEY (indicator, year, period)
);

CREATE TABLE "values" (
    indicator   TEXT NOT NULL REFERENCES indicators(code),
    period      TEXT NOT NULL,
    value       REAL NOT NULL,
    numerator   REAL,
    denominator REAL,
    quality     TEXT NOT NULL DEFAULT 'final' CHECK (quality IN ('provisional', 'estimated', 'final')),
    commentary  TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL DEFAULT '',
    entered_by  TEXT NOT NULL,
    entered_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (indicator, period)
);

CREATE TABLE actions (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    title     TEXT NOT NULL,
    kind      TEXT NOT NULL DEFAULT 'team' CHECK (kind IN ('portfolio', 'team')),
    node      TEXT REFERENCES plan_nodes(code),
    owner     TEXT NOT NULL DEFAULT '',
    due       TEXT NOT NULL,
    status    TEXT NOT NULL DEFAULT 'not_started'
              CHECK (status IN ('not_started', 'on_track', 'at_risk', 'completed', 'cancelled')),
    progress  INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    completed TEXT
);

CREATE TABLE projects (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    title   TEXT NOT NULL,
    node    TEXT REFERENCES plan_nodes(code),
    owner   TEXT NOT NULL DEFAULT '',
    status  TEXT NOT NULL DEFAULT 'green' CHECK (status IN ('green', 'amber', 'red', 'complete')),
    start   TEXT NOT NULL,
    finish  TEXT NOT NULL,
    budget  REAL
);

CREATE TABLE milestones (
    id      INTEGER PRIMARY KEY,
    project INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    title   TEXT NOT NULL,
    due     TEXT NOT NULL,
    done_on TEXT
);

CREATE TABLE risks (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    title        TEXT NOT NULL,
    category     TEXT NOT NULL CHECK (category IN ('strategic', 'business', 'operational', 'partnership')),
    node         TEXT REFERENCES plan_nodes(code),
    owner        TEXT NOT NULL DEFAULT '',
    likelihood   INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact       INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    target_score INTEGER NOT NULL CHECK (target_score BETWEEN 1 AND 25),
    controls     TEXT NOT NULL DEFAULT '',
    review_date  TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed'))
);

CREATE TABLE eias (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    title   TEXT NOT NULL,
    node    TEXT REFERENCES plan_nodes(code),
    service TEXT REFERENCES services(code),
    owner   TEXT NOT NULL DEFAULT '',
    due     TEXT NOT NULL,
    status  TEXT NOT NULL DEFAULT 'not_started'
            CHECK (status IN ('not_started', 'in_progress', 'completed', 'overdue')),
    outcome TEXT NOT NULL DEFAULT ''
);

CREATE TABLE case_studies (
    id      INTEGER PRIMARY KEY,
    title   TEXT NOT NULL,
    node    TEXT REFERENCES plan_nodes(code),
    service TEXT REFERENCES services(code),
    year    INTEGER NOT NULL,
    story   TEXT NOT NULL
);

CREATE TABLE budgets (
    service  TEXT NOT NULL REFERENCES services(code),
    month    TEXT NOT NULL,
    budget   REAL NOT NULL,
    actual   REAL,
    forecast REAL,
    PRIMARY KEY (service, month)
);

CREATE TABLE benchmarks (
    indicator  TEXT NOT NULL REFERENCES indicators(code) ON DELETE CASCADE,
    period     TEXT NOT NULL,
    comparator TEXT NOT NULL,
    value      REAL NOT NULL,
    PRIMARY KEY (indicator, period, comparator)
);

CREATE TABLE meetings (
    id     INTEGER PRIMARY KEY,
    board  TEXT NOT NULL REFERENCES boards(code),
    date   TEXT NOT NULL,
    title  TEXT NOT NULL,
    period TEXT NOT NULL DEFAULT ''        -- the reporting period the meeting reviews
);

-- One exception per (kind, period, subject): raising again finds the existing one.
CREATE TABLE exceptions (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('red', 'missing', 'overdue_action', 'risk')),
    period         TEXT NOT NULL,
    subject        TEXT NOT NULL,          -- indicator, action or risk code
    service        TEXT NOT NULL DEFAULT '',
    owner          TEXT NOT NULL DEFAULT '',
    figures        TEXT NOT NULL DEFAULT '',  -- what raised it, as shown when raised
    commentary     TEXT NOT NULL DEFAULT '',
    meeting        INTEGER REFERENCES meetings(id),
    status         TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'proposed', 'agreed', 'escalated', 'closed')),
    proposal       TEXT NOT NULL DEFAULT '',
    decision       TEXT NOT NULL DEFAULT '',
    board_member   TEXT NOT NULL DEFAULT '',
    escalation_due TEXT,
    raised_by      TEXT NOT NULL,
    raised_at      TEXT NOT NULL,
    closed_at      TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kind, period, subject)
);

-- Leadership Team sign-off of a period. Once signed off, the statuses shown for the
-- period come from signoff_statuses, so no later change of rule, target or setting can
-- alter what went to Cabinet.
CREATE TABLE signoffs (
    period    TEXT PRIMARY KEY,
    signed_by TEXT NOT NULL,
    signed_at TEXT NOT NULL
);

CREATE TABLE signoff_statuses (
    period    TEXT NOT NULL,
    indicator TEXT NOT NULL,
    status    TEXT NOT NULL,               -- JSON of the assessment as it was signed off
    PRIMARY KEY (period, indicator)
);

-- Append-only record of every change, written by the triggers below.
CREATE TABLE audit_log (
    id    INTEGER PRIMARY KEY,
    at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    login TEXT NOT NULL,
    tbl   TEXT NOT NULL,
    key   TEXT NOT NULL,
    op    TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    old   TEXT,
    new   TEXT
);
CREATE INDEX audit_log_key ON audit_log(key);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- AUDIT TRIGGERS: one per table and operation, so no code path can skip the log.

CREATE TRIGGER audit_settings_insert AFTER INSERT ON settings
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'settings', NEW.key, 'insert',
          NULL,
          json_object('key', NEW.key, 'value', NEW.value)); END;

CREATE TRIGGER audit_settings_update AFTER UPDATE ON settings
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'settings', NEW.key, 'update',
          json_object('key', OLD.key, 'value', OLD.value),
          json_object('key', NEW.key, 'value', NEW.value)); END;

CREATE TRIGGER audit_settings_delete AFTER DELETE ON settings
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'settings', OLD.key, 'delete',
          json_object('key', OLD.key, 'value', OLD.value),
          NULL); END;

CREATE TRIGGER audit_rag_rule_history_insert AFTER INSERT ON rag_rule_history
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'rag_rule_history', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'from_month', NEW.from_month, 'rule', NEW.rule)); END;

CREATE TRIGGER audit_rag_rule_history_update AFTER UPDATE ON rag_rule_history
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'rag_rule_history', NEW.id, 'update',
          json_object('id', OLD.id, 'from_month', OLD.from_month, 'rule', OLD.rule),
          json_object('id', NEW.id, 'from_month', NEW.from_month, 'rule', NEW.rule)); END;

CREATE TRIGGER audit_rag_rule_history_delete AFTER DELETE ON rag_rule_history
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'rag_rule_history', OLD.id, 'delete',
          json_object('id', OLD.id, 'from_month', OLD.from_month, 'rule', OLD.rule),
          NULL); END;

CREATE TRIGGER audit_users_insert AFTER INSERT ON users
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'users', NEW.login, 'insert',
          NULL,
          json_object('login', NEW.login, 'name', NEW.name, 'role', NEW.role)); END;

CREATE TRIGGER audit_users_update AFTER UPDATE ON users
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'users', NEW.login, 'update',
          json_object('login', OLD.login, 'name', OLD.name, 'role', OLD.role),
          json_object('login', NEW.login, 'name', NEW.name, 'role', NEW.role)); END;

CREATE TRIGGER audit_users_delete AFTER DELETE ON users
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'users', OLD.login, 'delete',
          json_object('login', OLD.login, 'name', OLD.name, 'role', OLD.role),
          NULL); END;

CREATE TRIGGER audit_services_insert AFTER INSERT ON services
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'services', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'name', NEW.name, 'head', NEW.head)); END;

CREATE TRIGGER audit_services_update AFTER UPDATE ON services
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'services', NEW.code, 'update',
          json_object('code', OLD.code, 'name', OLD.name, 'head', OLD.head),
          json_object('code', NEW.code, 'name', NEW.name, 'head', NEW.head)); END;

CREATE TRIGGER audit_services_delete AFTER DELETE ON services
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'services', OLD.code, 'delete',
          json_object('code', OLD.code, 'name', OLD.name, 'head', OLD.head),
          NULL); END;

CREATE TRIGGER audit_portfolios_insert AFTER INSERT ON portfolios
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'portfolios', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'name', NEW.name, 'holder', NEW.holder)); END;

CREATE TRIGGER audit_portfolios_update AFTER UPDATE ON portfolios
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'portfolios', NEW.code, 'update',
          json_object('code', OLD.code, 'name', OLD.name, 'holder', OLD.holder),
          json_object('code', NEW.code, 'name', NEW.name, 'holder', NEW.holder)); END;

CREATE TRIGGER audit_portfolios_delete AFTER DELETE ON portfolios
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'portfolios', OLD.code, 'delete',
          json_object('code', OLD.code, 'name', OLD.name, 'holder', OLD.holder),
          NULL); END;

CREATE TRIGGER audit_boards_insert AFTER INSERT ON boards
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'boards', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'name', NEW.name)); END;

CREATE TRIGGER audit_boards_update AFTER UPDATE ON boards
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'boards', NEW.code, 'update',
          json_object('code', OLD.code, 'name', OLD.name),
          json_object('code', NEW.code, 'name', NEW.name)); END;

CREATE TRIGGER audit_boards_delete AFTER DELETE ON boards
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'boards', OLD.code, 'delete',
          json_object('code', OLD.code, 'name', OLD.name),
          NULL); END;

CREATE TRIGGER audit_board_members_insert AFTER INSERT ON board_members
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'board_members', NEW.board || '|' || NEW.login, 'insert',
          NULL,
          json_object('board', NEW.board, 'login', NEW.login)); END;

CREATE TRIGGER audit_board_members_update AFTER UPDATE ON board_members
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'board_members', NEW.board || '|' || NEW.login, 'update',
          json_object('board', OLD.board, 'login', OLD.login),
          json_object('board', NEW.board, 'login', NEW.login)); END;

CREATE TRIGGER audit_board_members_delete AFTER DELETE ON board_members
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'board_members', OLD.board || '|' || OLD.login, 'delete',
          json_object('board', OLD.board, 'login', OLD.login),
          NULL); END;

CREATE TRIGGER audit_plan_nodes_insert AFTER INSERT ON plan_nodes
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'plan_nodes', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'kind', NEW.kind, 'parent', NEW.parent, 'title', NEW.title, 'owner', NEW.owner, 'portfolio', NEW.portfolio, 'service', NEW.service, 'from_year', NEW.from_year, 'to_year', NEW.to_year, 'position', NEW.position)); END;

CREATE TRIGGER audit_plan_nodes_update AFTER UPDATE ON plan_nodes
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'plan_nodes', NEW.code, 'update',
          json_object('code', OLD.code, 'kind', OLD.kind, 'parent', OLD.parent, 'title', OLD.title, 'owner', OLD.owner, 'portfolio', OLD.portfolio, 'service', OLD.service, 'from_year', OLD.from_year, 'to_year', OLD.to_year, 'position', OLD.position),
          json_object('code', NEW.code, 'kind', NEW.kind, 'parent', NEW.parent, 'title', NEW.title, 'owner', NEW.owner, 'portfolio', NEW.portfolio, 'service', NEW.service, 'from_year', NEW.from_year, 'to_year', NEW.to_year, 'position', NEW.position)); END;

CREATE TRIGGER audit_plan_nodes_delete AFTER DELETE ON plan_nodes
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'plan_nodes', OLD.code, 'delete',
          json_object('code', OLD.code, 'kind', OLD.kind, 'parent', OLD.parent, 'title', OLD.title, 'owner', OLD.owner, 'portfolio', OLD.portfolio, 'service', OLD.service, 'from_year', OLD.from_year, 'to_year', OLD.to_year, 'position', OLD.position),
          NULL); END;

CREATE TRIGGER audit_indicators_insert AFTER INSERT ON indicators
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'indicators', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position)); END;

CREATE TRIGGER audit_indicators_update AFTER UPDATE ON indicators
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'indicators', NEW.code, 'update',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position),
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position)); END;

CREATE TRIGGER audit_indicators_delete AFTER DELETE ON indicators
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'indicators', OLD.code, 'delete',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position),
          NULL); END;

CREATE TRIGGER audit_indicator_links_insert AFTER INSERT ON indicator_links
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'indicator_links', NEW.indicator || '|' || NEW.node, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'node', NEW.node, 'position', NEW.position)); END;

CREATE TRIGGER audit_indicator_links_update AFTER UPDATE ON indicator_links
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'indicator_links', NEW.indicator || '|' || NEW.node, 'update',
          json_object('indicator', OLD.indicator, 'node', OLD.node, 'position', OLD.position),
          json_object('indicator', NEW.indicator, 'node', NEW.node, 'position', NEW.position)); END;

CREATE TRIGGER audit_indicator_links_delete AFTER DELETE ON indicator_links
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'indicator_links', OLD.indicator || '|' || OLD.node, 'delete',
          json_object('indicator', OLD.indicator, 'node', OLD.node, 'position', OLD.position),
          NULL); END;

CREATE TRIGGER audit_indicator_enterers_insert AFTER INSERT ON indicator_enterers
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'indicator_enterers', NEW.indicator || '|' || NEW.login, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'login', NEW.login)); END;

CREATE TRIGGER audit_indicator_enterers_update AFTER UPDATE ON indicator_enterers
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'indicator_enterers', NEW.indicator || '|' || NEW.login, 'update',
          json_object('indicator', OLD.indicator, 'login', OLD.login),
          json_object('indicator', NEW.indicator, 'login', NEW.login)); END;

CREATE TRIGGER audit_indicator_enterers_delete AFTER DELETE ON indicator_enterers
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'indicator_enterers', OLD.indicator || '|' || OLD.login, 'delete',
          json_object('indicator', OLD.indicator, 'login', OLD.login),
          NULL); END;

CREATE TRIGGER audit_targets_insert AFTER INSERT ON targets
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'targets', NEW.indicator || '|' || NEW.year || '|' || NEW.period, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'year', NEW.year, 'period', NEW.period, 'target', NEW.target, 'intervention', NEW.intervention)); END;

CREATE TRIGGER audit_targets_update AFTER UPDATE ON targets
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'targets', NEW.indicator || '|' || NEW.year || '|' || NEW.period, 'update',
          json_object('indicator', OLD.indicator, 'year', OLD.year, 'period', OLD.period, 'target', OLD.target, 'intervention', OLD.intervention),
          json_object('indicator', NEW.indicator, 'year', NEW.year, 'period', NEW.period, 'target', NEW.target, 'intervention', NEW.intervention)); END;

CREATE TRIGGER audit_targets_delete AFTER DELETE ON targets
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'targets', OLD.indicator || '|' || OLD.year || '|' || OLD.period, 'delete',
          json_object('indicator', OLD.indicator, 'year', OLD.year, 'period', OLD.period, 'target', OLD.target, 'intervention', OLD.intervention),
          NULL); END;

CREATE TRIGGER audit_values_insert AFTER INSERT ON "values"
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'values', NEW.indicator || '|' || NEW.period, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'period', NEW.period, 'value', NEW.value, 'numerator', NEW.numerator, 'denominator', NEW.denominator, 'quality', NEW.quality, 'commentary', NEW.commentary, 'action', NEW.action, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_values_update AFTER UPDATE ON "values"
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'values', NEW.indicator || '|' || NEW.period, 'update',
          json_object('indicator', OLD.indicator, 'period', OLD.period, 'value', OLD.value, 'numerator', OLD.numerator, 'denominator', OLD.denominator, 'quality', OLD.quality, 'commentary', OLD.commentary, 'action', OLD.action, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          json_object('indicator', NEW.indicator, 'period', NEW.period, 'value', NEW.value, 'numerator', NEW.numerator, 'denominator', NEW.denominator, 'quality', NEW.quality, 'commentary', NEW.commentary, 'action', NEW.action, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_values_delete AFTER DELETE ON "values"
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'values', OLD.indicator || '|' || OLD.period, 'delete',
          json_object('indicator', OLD.indicator, 'period', OLD.period, 'value', OLD.value, 'numerator', OLD.numerator, 'denominator', OLD.denominator, 'quality', OLD.quality, 'commentary', OLD.commentary, 'action', OLD.action, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          NULL); END;

CREATE TRIGGER audit_actions_insert AFTER INSERT ON actions
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'actions', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'node', NEW.node, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'progress', NEW.progress, 'completed', NEW.completed)); END;

CREATE TRIGGER audit_actions_update AFTER UPDATE ON actions
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'actions', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'node', OLD.node, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'progress', OLD.progress, 'completed', OLD.completed),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'node', NEW.node, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'progress', NEW.progress, 'completed', NEW.completed)); END;

CREATE TRIGGER audit_actions_delete AFTER DELETE ON actions
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'actions', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'node', OLD.node, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'progress', OLD.progress, 'completed', OLD.completed),
          NULL); END;

CREATE TRIGGER audit_projects_insert AFTER INSERT ON projects
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'projects', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'owner', NEW.owner, 'status', NEW.status, 'start', NEW.start, 'finish', NEW.finish, 'budget', NEW.budget)); END;

CREATE TRIGGER audit_projects_update AFTER UPDATE ON projects
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'projects', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'owner', OLD.owner, 'status', OLD.status, 'start', OLD.start, 'finish', OLD.finish, 'budget', OLD.budget),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'owner', NEW.owner, 'status', NEW.status, 'start', NEW.start, 'finish', NEW.finish, 'budget', NEW.budget)); END;

CREATE TRIGGER audit_projects_delete AFTER DELETE ON projects
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'projects', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'owner', OLD.owner, 'status', OLD.status, 'start', OLD.start, 'finish', OLD.finish, 'budget', OLD.budget),
          NULL); END;

CREATE TRIGGER audit_milestones_insert AFTER INSERT ON milestones
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'milestones', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'project', NEW.project, 'title', NEW.title, 'due', NEW.due, 'done_on', NEW.done_on)); END;

CREATE TRIGGER audit_milestones_update AFTER UPDATE ON milestones
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'milestones', NEW.id, 'update',
          json_object('id', OLD.id, 'project', OLD.project, 'title', OLD.title, 'due', OLD.due, 'done_on', OLD.done_on),
          json_object('id', NEW.id, 'project', NEW.project, 'title', NEW.title, 'due', NEW.due, 'done_on', NEW.done_on)); END;

CREATE TRIGGER audit_milestones_delete AFTER DELETE ON milestones
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'milestones', OLD.id, 'delete',
          json_object('id', OLD.id, 'project', OLD.project, 'title', OLD.title, 'due', OLD.due, 'done_on', OLD.done_on),
          NULL); END;

CREATE TRIGGER audit_risks_insert AFTER INSERT ON risks
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'risks', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'category', NEW.category, 'node', NEW.node, 'owner', NEW.owner, 'likelihood', NEW.likelihood, 'impact', NEW.impact, 'target_score', NEW.target_score, 'controls', NEW.controls, 'review_date', NEW.review_date, 'status', NEW.status)); END;

CREATE TRIGGER audit_risks_update AFTER UPDATE ON risks
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'risks', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'node', OLD.node, 'owner', OLD.owner, 'likelihood', OLD.likelihood, 'impact', OLD.impact, 'target_score', OLD.target_score, 'controls', OLD.controls, 'review_date', OLD.review_date, 'status', OLD.status),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'category', NEW.category, 'node', NEW.node, 'owner', NEW.owner, 'likelihood', NEW.likelihood, 'impact', NEW.impact, 'target_score', NEW.target_score, 'controls', NEW.controls, 'review_date', NEW.review_date, 'status', NEW.status)); END;

CREATE TRIGGER audit_risks_delete AFTER DELETE ON risks
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'risks', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'node', OLD.node, 'owner', OLD.owner, 'likelihood', OLD.likelihood, 'impact', OLD.impact, 'target_score', OLD.target_score, 'controls', OLD.controls, 'review_date', OLD.review_date, 'status', OLD.status),
          NULL); END;

CREATE TRIGGER audit_eias_insert AFTER INSERT ON eias
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'eias', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'outcome', NEW.outcome)); END;

CREATE TRIGGER audit_eias_update AFTER UPDATE ON eias
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'eias', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'outcome', OLD.outcome),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'outcome', NEW.outcome)); END;

CREATE TRIGGER audit_eias_delete AFTER DELETE ON eias
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'eias', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'outcome', OLD.outcome),
          NULL); END;

CREATE TRIGGER audit_case_studies_insert AFTER INSERT ON case_studies
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'case_studies', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'year', NEW.year, 'story', NEW.story)); END;

CREATE TRIGGER audit_case_studies_update AFTER UPDATE ON case_studies
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'case_studies', NEW.id, 'update',
          json_object('id', OLD.id, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'year', OLD.year, 'story', OLD.story),
          json_object('id', NEW.id, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'year', NEW.year, 'story', NEW.story)); END;

CREATE TRIGGER audit_case_studies_delete AFTER DELETE ON case_studies
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'case_studies', OLD.id, 'delete',
          json_object('id', OLD.id, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'year', OLD.year, 'story', OLD.story),
          NULL); END;

CREATE TRIGGER audit_budgets_insert AFTER INSERT ON budgets
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'budgets', NEW.service || '|' || NEW.month, 'insert',
          NULL,
          json_object('service', NEW.service, 'month', NEW.month, 'budget', NEW.budget, 'actual', NEW.actual, 'forecast', NEW.forecast)); END;

CREATE TRIGGER audit_budgets_update AFTER UPDATE ON budgets
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'budgets', NEW.service || '|' || NEW.month, 'update',
          json_object('service', OLD.service, 'month', OLD.month, 'budget', OLD.budget, 'actual', OLD.actual, 'forecast', OLD.forecast),
          json_object('service', NEW.service, 'month', NEW.month, 'budget', NEW.budget, 'actual', NEW.actual, 'forecast', NEW.forecast)); END;

CREATE TRIGGER audit_budgets_delete AFTER DELETE ON budgets
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'budgets', OLD.service || '|' || OLD.month, 'delete',
          json_object('service', OLD.service, 'month', OLD.month, 'budget', OLD.budget, 'actual', OLD.actual, 'forecast', OLD.forecast),
          NULL); END;

CREATE TRIGGER audit_benchmarks_insert AFTER INSERT ON benchmarks
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'benchmarks', NEW.indicator || '|' || NEW.period || '|' || NEW.comparator, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'period', NEW.period, 'comparator', NEW.comparator, 'value', NEW.value)); END;

CREATE TRIGGER audit_benchmarks_update AFTER UPDATE ON benchmarks
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'benchmarks', NEW.indicator || '|' || NEW.period || '|' || NEW.comparator, 'update',
          json_object('indicator', OLD.indicator, 'period', OLD.period, 'comparator', OLD.comparator, 'value', OLD.value),
          json_object('indicator', NEW.indicator, 'period', NEW.period, 'comparator', NEW.comparator, 'value', NEW.value)); END;

CREATE TRIGGER audit_benchmarks_delete AFTER DELETE ON benchmarks
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'benchmarks', OLD.indicator || '|' || OLD.period || '|' || OLD.comparator, 'delete',
          json_object('indicator', OLD.indicator, 'period', OLD.period, 'comparator', OLD.comparator, 'value', OLD.value),
          NULL); END;

CREATE TRIGGER audit_meetings_insert AFTER INSERT ON meetings
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'meetings', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'board', NEW.board, 'date', NEW.date, 'title', NEW.title, 'period', NEW.period)); END;

CREATE TRIGGER audit_meetings_update AFTER UPDATE ON meetings
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'meetings', NEW.id, 'update',
          json_object('id', OLD.id, 'board', OLD.board, 'date', OLD.date, 'title', OLD.title, 'period', OLD.period),
          json_object('id', NEW.id, 'board', NEW.board, 'date', NEW.date, 'title', NEW.title, 'period', NEW.period)); END;

CREATE TRIGGER audit_meetings_delete AFTER DELETE ON meetings
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'meetings', OLD.id, 'delete',
          json_object('id', OLD.id, 'board', OLD.board, 'date', OLD.date, 'title', OLD.title, 'period', OLD.period),
          NULL); END;

CREATE TRIGGER audit_exceptions_insert AFTER INSERT ON exceptions
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'exceptions', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'kind', NEW.kind, 'period', NEW.period, 'subject', NEW.subject, 'service', NEW.service, 'owner', NEW.owner, 'figures', NEW.figures, 'commentary', NEW.commentary, 'meeting', NEW.meeting, 'status', NEW.status, 'proposal', NEW.proposal, 'decision', NEW.decision, 'board_member', NEW.board_member, 'escalation_due', NEW.escalation_due, 'raised_by', NEW.raised_by, 'raised_at', NEW.raised_at, 'closed_at', NEW.closed_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_exceptions_update AFTER UPDATE ON exceptions
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'exceptions', NEW.id, 'update',
          json_object('id', OLD.id, 'kind', OLD.kind, 'period', OLD.period, 'subject', OLD.subject, 'service', OLD.service, 'owner', OLD.owner, 'figures', OLD.figures, 'commentary', OLD.commentary, 'meeting', OLD.meeting, 'status', OLD.status, 'proposal', OLD.proposal, 'decision', OLD.decision, 'board_member', OLD.board_member, 'escalation_due', OLD.escalation_due, 'raised_by', OLD.raised_by, 'raised_at', OLD.raised_at, 'closed_at', OLD.closed_at, 'version', OLD.version),
          json_object('id', NEW.id, 'kind', NEW.kind, 'period', NEW.period, 'subject', NEW.subject, 'service', NEW.service, 'owner', NEW.owner, 'figures', NEW.figures, 'commentary', NEW.commentary, 'meeting', NEW.meeting, 'status', NEW.status, 'proposal', NEW.proposal, 'decision', NEW.decision, 'board_member', NEW.board_member, 'escalation_due', NEW.escalation_due, 'raised_by', NEW.raised_by, 'raised_at', NEW.raised_at, 'closed_at', NEW.closed_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_exceptions_delete AFTER DELETE ON exceptions
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'exceptions', OLD.id, 'delete',
          json_object('id', OLD.id, 'kind', OLD.kind, 'period', OLD.period, 'subject', OLD.subject, 'service', OLD.service, 'owner', OLD.owner, 'figures', OLD.figures, 'commentary', OLD.commentary, 'meeting', OLD.meeting, 'status', OLD.status, 'proposal', OLD.proposal, 'decision', OLD.decision, 'board_member', OLD.board_member, 'escalation_due', OLD.escalation_due, 'raised_by', OLD.raised_by, 'raised_at', OLD.raised_at, 'closed_at', OLD.closed_at, 'version', OLD.version),
          NULL); END;

CREATE TRIGGER audit_signoffs_insert AFTER INSERT ON signoffs
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'signoffs', NEW.period, 'insert',
          NULL,
          json_object('period', NEW.period, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at)); END;

CREATE TRIGGER audit_signoffs_update AFTER UPDATE ON signoffs
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'signoffs', NEW.period, 'update',
          json_object('period', OLD.period, 'signed_by', OLD.signed_by, 'signed_at', OLD.signed_at),
          json_object('period', NEW.period, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at)); END;

CREATE TRIGGER audit_signoffs_delete AFTER DELETE ON signoffs
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'signoffs', OLD.period, 'delete',
          json_object('period', OLD.period, 'signed_by', OLD.signed_by, 'signed_at', OLD.signed_at),
          NULL); END;

CREATE TRIGGER audit_signoff_statuses_insert AFTER INSERT ON signoff_statuses
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'signoff_statuses', NEW.period || '|' || NEW.indicator, 'insert',
          NULL,
          json_object('period', NEW.period, 'indicator', NEW.indicator, 'status', NEW.status)); END;

CREATE TRIGGER audit_signoff_statuses_update AFTER UPDATE ON signoff_statuses
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'signoff_statuses', NEW.period || '|' || NEW.indicator, 'update',
          json_object('period', OLD.period, 'indicator', OLD.indicator, 'status', OLD.status),
          json_object('period', NEW.period, 'indicator', NEW.indicator, 'status', NEW.status)); END;

CREATE TRIGGER audit_signoff_statuses_delete AFTER DELETE ON signoff_statuses
BEGIN INSERT INTO audit_log (login, tbl, key, op, old, new)
  VALUES (pmdb_login(), 'signoff_statuses', OLD.period || '|' || OLD.indicator, 'delete',
          json_object('period', OLD.period, 'indicator', OLD.indicator, 'status', OLD.status),
          NULL); END;

-- migration 2

-- Audit rows take their time from pmdb_now(), as they take their login from pmdb_login():
-- the store's clock, or, when history is loaded on an officer's behalf (the demo's two
-- years of returns and sign-offs), the time it was entered. Same triggers otherwise.

DROP TRIGGER audit_settings_insert;
CREATE TRIGGER audit_settings_insert AFTER INSERT ON settings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'settings', NEW.key, 'insert',
          NULL,
          json_object('key', NEW.key, 'value', NEW.value)); END;

DROP TRIGGER audit_settings_update;
CREATE TRIGGER audit_settings_update AFTER UPDATE ON settings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'settings', NEW.key, 'update',
          json_object('key', OLD.key, 'value', OLD.value),
          json_object('key', NEW.key, 'value', NEW.value)); END;

DROP TRIGGER audit_settings_delete;
CREATE TRIGGER audit_settings_delete AFTER DELETE ON settings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'settings', OLD.key, 'delete',
          json_object('key', OLD.key, 'value', OLD.value),
          NULL); END;

DROP TRIGGER audit_rag_rule_history_insert;
CREATE TRIGGER audit_rag_rule_history_insert AFTER INSERT ON rag_rule_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'rag_rule_history', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'from_month', NEW.from_month, 'rule', NEW.rule)); END;

DROP TRIGGER audit_rag_rule_history_update;
CREATE TRIGGER audit_rag_rule_history_update AFTER UPDATE ON rag_rule_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'rag_rule_history', NEW.id, 'update',
          json_object('id', OLD.id, 'from_month', OLD.from_month, 'rule', OLD.rule),
          json_object('id', NEW.id, 'from_month', NEW.from_month, 'rule', NEW.rule)); END;

DROP TRIGGER audit_rag_rule_history_delete;
CREATE TRIGGER audit_rag_rule_history_delete AFTER DELETE ON rag_rule_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'rag_rule_history', OLD.id, 'delete',
          json_object('id', OLD.id, 'from_month', OLD.from_month, 'rule', OLD.rule),
          NULL); END;

DROP TRIGGER audit_users_insert;
CREATE TRIGGER audit_users_insert AFTER INSERT ON users
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'users', NEW.login, 'insert',
          NULL,
          json_object('login', NEW.login, 'name', NEW.name, 'role', NEW.role)); END;

DROP TRIGGER audit_users_update;
CREATE TRIGGER audit_users_update AFTER UPDATE ON users
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'users', NEW.login, 'update',
          json_object('login', OLD.login, 'name', OLD.name, 'role', OLD.role),
          json_object('login', NEW.login, 'name', NEW.name, 'role', NEW.role)); END;

DROP TRIGGER audit_users_delete;
CREATE TRIGGER audit_users_delete AFTER DELETE ON users
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'users', OLD.login, 'delete',
          json_object('login', OLD.login, 'name', OLD.name, 'role', OLD.role),
          NULL); END;

DROP TRIGGER audit_services_insert;
CREATE TRIGGER audit_services_insert AFTER INSERT ON services
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'services', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'name', NEW.name, 'head', NEW.head)); END;

DROP TRIGGER audit_services_update;
CREATE TRIGGER audit_services_update AFTER UPDATE ON services
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'services', NEW.code, 'update',
          json_object('code', OLD.code, 'name', OLD.name, 'head', OLD.head),
          json_object('code', NEW.code, 'name', NEW.name, 'head', NEW.head)); END;

DROP TRIGGER audit_services_delete;
CREATE TRIGGER audit_services_delete AFTER DELETE ON services
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'services', OLD.code, 'delete',
          json_object('code', OLD.code, 'name', OLD.name, 'head', OLD.head),
          NULL); END;

DROP TRIGGER audit_portfolios_insert;
CREATE TRIGGER audit_portfolios_insert AFTER INSERT ON portfolios
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'portfolios', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'name', NEW.name, 'holder', NEW.holder)); END;

DROP TRIGGER audit_portfolios_update;
CREATE TRIGGER audit_portfolios_update AFTER UPDATE ON portfolios
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'portfolios', NEW.code, 'update',
          json_object('code', OLD.code, 'name', OLD.name, 'holder', OLD.holder),
          json_object('code', NEW.code, 'name', NEW.name, 'holder', NEW.holder)); END;

DROP TRIGGER audit_portfolios_delete;
CREATE TRIGGER audit_portfolios_delete AFTER DELETE ON portfolios
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'portfolios', OLD.code, 'delete',
          json_object('code', OLD.code, 'name', OLD.name, 'holder', OLD.holder),
          NULL); END;

DROP TRIGGER audit_boards_insert;
CREATE TRIGGER audit_boards_insert AFTER INSERT ON boards
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'boards', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'name', NEW.name)); END;

DROP TRIGGER audit_boards_update;
CREATE TRIGGER audit_boards_update AFTER UPDATE ON boards
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'boards', NEW.code, 'update',
          json_object('code', OLD.code, 'name', OLD.name),
          json_object('code', NEW.code, 'name', NEW.name)); END;

DROP TRIGGER audit_boards_delete;
CREATE TRIGGER audit_boards_delete AFTER DELETE ON boards
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'boards', OLD.code, 'delete',
          json_object('code', OLD.code, 'name', OLD.name),
          NULL); END;

DROP TRIGGER audit_board_members_insert;
CREATE TRIGGER audit_board_members_insert AFTER INSERT ON board_members
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'board_members', NEW.board || '|' || NEW.login, 'insert',
          NULL,
          json_object('board', NEW.board, 'login', NEW.login)); END;

DROP TRIGGER audit_board_members_update;
CREATE TRIGGER audit_board_members_update AFTER UPDATE ON board_members
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'board_members', NEW.board || '|' || NEW.login, 'update',
          json_object('board', OLD.board, 'login', OLD.login),
          json_object('board', NEW.board, 'login', NEW.login)); END;

DROP TRIGGER audit_board_members_delete;
CREATE TRIGGER audit_board_members_delete AFTER DELETE ON board_members
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'board_members', OLD.board || '|' || OLD.login, 'delete',
          json_object('board', OLD.board, 'login', OLD.login),
          NULL); END;

DROP TRIGGER audit_plan_nodes_insert;
CREATE TRIGGER audit_plan_nodes_insert AFTER INSERT ON plan_nodes
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'plan_nodes', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'kind', NEW.kind, 'parent', NEW.parent, 'title', NEW.title, 'owner', NEW.owner, 'portfolio', NEW.portfolio, 'service', NEW.service, 'from_year', NEW.from_year, 'to_year', NEW.to_year, 'position', NEW.position)); END;

DROP TRIGGER audit_plan_nodes_update;
CREATE TRIGGER audit_plan_nodes_update AFTER UPDATE ON plan_nodes
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'plan_nodes', NEW.code, 'update',
          json_object('code', OLD.code, 'kind', OLD.kind, 'parent', OLD.parent, 'title', OLD.title, 'owner', OLD.owner, 'portfolio', OLD.portfolio, 'service', OLD.service, 'from_year', OLD.from_year, 'to_year', OLD.to_year, 'position', OLD.position),
          json_object('code', NEW.code, 'kind', NEW.kind, 'parent', NEW.parent, 'title', NEW.title, 'owner', NEW.owner, 'portfolio', NEW.portfolio, 'service', NEW.service, 'from_year', NEW.from_year, 'to_year', NEW.to_year, 'position', NEW.position)); END;

DROP TRIGGER audit_plan_nodes_delete;
CREATE TRIGGER audit_plan_nodes_delete AFTER DELETE ON plan_nodes
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'plan_nodes', OLD.code, 'delete',
          json_object('code', OLD.code, 'kind', OLD.kind, 'parent', OLD.parent, 'title', OLD.title, 'owner', OLD.owner, 'portfolio', OLD.portfolio, 'service', OLD.service, 'from_year', OLD.from_year, 'to_year', OLD.to_year, 'position', OLD.position),
          NULL); END;

DROP TRIGGER audit_indicators_insert;
CREATE TRIGGER audit_indicators_insert AFTER INSERT ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position)); END;

DROP TRIGGER audit_indicators_update;
CREATE TRIGGER audit_indicators_update AFTER UPDATE ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', NEW.code, 'update',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position),
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position)); END;

DROP TRIGGER audit_indicators_delete;
CREATE TRIGGER audit_indicators_delete AFTER DELETE ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', OLD.code, 'delete',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position),
          NULL); END;

DROP TRIGGER audit_indicator_links_insert;
CREATE TRIGGER audit_indicator_links_insert AFTER INSERT ON indicator_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicator_links', NEW.indicator || '|' || NEW.node, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'node', NEW.node, 'position', NEW.position)); END;

DROP TRIGGER audit_indicator_links_update;
CREATE TRIGGER audit_indicator_links_update AFTER UPDATE ON indicator_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicator_links', NEW.indicator || '|' || NEW.node, 'update',
          json_object('indicator', OLD.indicator, 'node', OLD.node, 'position', OLD.position),
          json_object('indicator', NEW.indicator, 'node', NEW.node, 'position', NEW.position)); END;

DROP TRIGGER audit_indicator_links_delete;
CREATE TRIGGER audit_indicator_links_delete AFTER DELETE ON indicator_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicator_links', OLD.indicator || '|' || OLD.node, 'delete',
          json_object('indicator', OLD.indicator, 'node', OLD.node, 'position', OLD.position),
          NULL); END;

DROP TRIGGER audit_indicator_enterers_insert;
CREATE TRIGGER audit_indicator_enterers_insert AFTER INSERT ON indicator_enterers
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicator_enterers', NEW.indicator || '|' || NEW.login, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'login', NEW.login)); END;

DROP TRIGGER audit_indicator_enterers_update;
CREATE TRIGGER audit_indicator_enterers_update AFTER UPDATE ON indicator_enterers
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicator_enterers', NEW.indicator || '|' || NEW.login, 'update',
          json_object('indicator', OLD.indicator, 'login', OLD.login),
          json_object('indicator', NEW.indicator, 'login', NEW.login)); END;

DROP TRIGGER audit_indicator_enterers_delete;
CREATE TRIGGER audit_indicator_enterers_delete AFTER DELETE ON indicator_enterers
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicator_enterers', OLD.indicator || '|' || OLD.login, 'delete',
          json_object('indicator', OLD.indicator, 'login', OLD.login),
          NULL); END;

DROP TRIGGER audit_targets_insert;
CREATE TRIGGER audit_targets_insert AFTER INSERT ON targets
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'targets', NEW.indicator || '|' || NEW.year || '|' || NEW.period, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'year', NEW.year, 'period', NEW.period, 'target', NEW.target, 'intervention', NEW.intervention)); END;

DROP TRIGGER audit_targets_update;
CREATE TRIGGER audit_targets_update AFTER UPDATE ON targets
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'targets', NEW.indicator || '|' || NEW.year || '|' || NEW.period, 'update',
          json_object('indicator', OLD.indicator, 'year', OLD.year, 'period', OLD.period, 'target', OLD.target, 'intervention', OLD.intervention),
          json_object('indicator', NEW.indicator, 'year', NEW.year, 'period', NEW.period, 'target', NEW.target, 'intervention', NEW.intervention)); END;

DROP TRIGGER audit_targets_delete;
CREATE TRIGGER audit_targets_delete AFTER DELETE ON targets
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'targets', OLD.indicator || '|' || OLD.year || '|' || OLD.period, 'delete',
          json_object('indicator', OLD.indicator, 'year', OLD.year, 'period', OLD.period, 'target', OLD.target, 'intervention', OLD.intervention),
          NULL); END;

DROP TRIGGER audit_values_insert;
CREATE TRIGGER audit_values_insert AFTER INSERT ON "values"
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'values', NEW.indicator || '|' || NEW.period, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'period', NEW.period, 'value', NEW.value, 'numerator', NEW.numerator, 'denominator', NEW.denominator, 'quality', NEW.quality, 'commentary', NEW.commentary, 'action', NEW.action, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

DROP TRIGGER audit_values_update;
CREATE TRIGGER audit_values_update AFTER UPDATE ON "values"
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'values', NEW.indicator || '|' || NEW.period, 'update',
          json_object('indicator', OLD.indicator, 'period', OLD.period, 'value', OLD.value, 'numerator', OLD.numerator, 'denominator', OLD.denominator, 'quality', OLD.quality, 'commentary', OLD.commentary, 'action', OLD.action, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          json_object('indicator', NEW.indicator, 'period', NEW.period, 'value', NEW.value, 'numerator', NEW.numerator, 'denominator', NEW.denominator, 'quality', NEW.quality, 'commentary', NEW.commentary, 'action', NEW.action, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

DROP TRIGGER audit_values_delete;
CREATE TRIGGER audit_values_delete AFTER DELETE ON "values"
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'values', OLD.indicator || '|' || OLD.period, 'delete',
          json_object('indicator', OLD.indicator, 'period', OLD.period, 'value', OLD.value, 'numerator', OLD.numerator, 'denominator', OLD.denominator, 'quality', OLD.quality, 'commentary', OLD.commentary, 'action', OLD.action, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          NULL); END;

DROP TRIGGER audit_actions_insert;
CREATE TRIGGER audit_actions_insert AFTER INSERT ON actions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'actions', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'node', NEW.node, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'progress', NEW.progress, 'completed', NEW.completed)); END;

DROP TRIGGER audit_actions_update;
CREATE TRIGGER audit_actions_update AFTER UPDATE ON actions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'actions', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'node', OLD.node, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'progress', OLD.progress, 'completed', OLD.completed),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'node', NEW.node, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'progress', NEW.progress, 'completed', NEW.completed)); END;

DROP TRIGGER audit_actions_delete;
CREATE TRIGGER audit_actions_delete AFTER DELETE ON actions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'actions', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'node', OLD.node, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'progress', OLD.progress, 'completed', OLD.completed),
          NULL); END;

DROP TRIGGER audit_projects_insert;
CREATE TRIGGER audit_projects_insert AFTER INSERT ON projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'projects', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'owner', NEW.owner, 'status', NEW.status, 'start', NEW.start, 'finish', NEW.finish, 'budget', NEW.budget)); END;

DROP TRIGGER audit_projects_update;
CREATE TRIGGER audit_projects_update AFTER UPDATE ON projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'projects', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'owner', OLD.owner, 'status', OLD.status, 'start', OLD.start, 'finish', OLD.finish, 'budget', OLD.budget),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'owner', NEW.owner, 'status', NEW.status, 'start', NEW.start, 'finish', NEW.finish, 'budget', NEW.budget)); END;

DROP TRIGGER audit_projects_delete;
CREATE TRIGGER audit_projects_delete AFTER DELETE ON projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'projects', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'owner', OLD.owner, 'status', OLD.status, 'start', OLD.start, 'finish', OLD.finish, 'budget', OLD.budget),
          NULL); END;

DROP TRIGGER audit_milestones_insert;
CREATE TRIGGER audit_milestones_insert AFTER INSERT ON milestones
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'milestones', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'project', NEW.project, 'title', NEW.title, 'due', NEW.due, 'done_on', NEW.done_on)); END;

DROP TRIGGER audit_milestones_update;
CREATE TRIGGER audit_milestones_update AFTER UPDATE ON milestones
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'milestones', NEW.id, 'update',
          json_object('id', OLD.id, 'project', OLD.project, 'title', OLD.title, 'due', OLD.due, 'done_on', OLD.done_on),
          json_object('id', NEW.id, 'project', NEW.project, 'title', NEW.title, 'due', NEW.due, 'done_on', NEW.done_on)); END;

DROP TRIGGER audit_milestones_delete;
CREATE TRIGGER audit_milestones_delete AFTER DELETE ON milestones
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'milestones', OLD.id, 'delete',
          json_object('id', OLD.id, 'project', OLD.project, 'title', OLD.title, 'due', OLD.due, 'done_on', OLD.done_on),
          NULL); END;

DROP TRIGGER audit_risks_insert;
CREATE TRIGGER audit_risks_insert AFTER INSERT ON risks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risks', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'category', NEW.category, 'node', NEW.node, 'owner', NEW.owner, 'likelihood', NEW.likelihood, 'impact', NEW.impact, 'target_score', NEW.target_score, 'controls', NEW.controls, 'review_date', NEW.review_date, 'status', NEW.status)); END;

DROP TRIGGER audit_risks_update;
CREATE TRIGGER audit_risks_update AFTER UPDATE ON risks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risks', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'node', OLD.node, 'owner', OLD.owner, 'likelihood', OLD.likelihood, 'impact', OLD.impact, 'target_score', OLD.target_score, 'controls', OLD.controls, 'review_date', OLD.review_date, 'status', OLD.status),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'category', NEW.category, 'node', NEW.node, 'owner', NEW.owner, 'likelihood', NEW.likelihood, 'impact', NEW.impact, 'target_score', NEW.target_score, 'controls', NEW.controls, 'review_date', NEW.review_date, 'status', NEW.status)); END;

DROP TRIGGER audit_risks_delete;
CREATE TRIGGER audit_risks_delete AFTER DELETE ON risks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risks', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'node', OLD.node, 'owner', OLD.owner, 'likelihood', OLD.likelihood, 'impact', OLD.impact, 'target_score', OLD.target_score, 'controls', OLD.controls, 'review_date', OLD.review_date, 'status', OLD.status),
          NULL); END;

DROP TRIGGER audit_eias_insert;
CREATE TRIGGER audit_eias_insert AFTER INSERT ON eias
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'eias', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'outcome', NEW.outcome)); END;

DROP TRIGGER audit_eias_update;
CREATE TRIGGER audit_eias_update AFTER UPDATE ON eias
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'eias', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'outcome', OLD.outcome),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'owner', NEW.owner, 'due', NEW.due, 'status', NEW.status, 'outcome', NEW.outcome)); END;

DROP TRIGGER audit_eias_delete;
CREATE TRIGGER audit_eias_delete AFTER DELETE ON eias
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'eias', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'owner', OLD.owner, 'due', OLD.due, 'status', OLD.status, 'outcome', OLD.outcome),
          NULL); END;

DROP TRIGGER audit_case_studies_insert;
CREATE TRIGGER audit_case_studies_insert AFTER INSERT ON case_studies
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'case_studies', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'year', NEW.year, 'story', NEW.story)); END;

DROP TRIGGER audit_case_studies_update;
CREATE TRIGGER audit_case_studies_update AFTER UPDATE ON case_studies
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'case_studies', NEW.id, 'update',
          json_object('id', OLD.id, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'year', OLD.year, 'story', OLD.story),
          json_object('id', NEW.id, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'year', NEW.year, 'story', NEW.story)); END;

DROP TRIGGER audit_case_studies_delete;
CREATE TRIGGER audit_case_studies_delete AFTER DELETE ON case_studies
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'case_studies', OLD.id, 'delete',
          json_object('id', OLD.id, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'year', OLD.year, 'story', OLD.story),
          NULL); END;

DROP TRIGGER audit_budgets_insert;
CREATE TRIGGER audit_budgets_insert AFTER INSERT ON budgets
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'budgets', NEW.service || '|' || NEW.month, 'insert',
          NULL,
          json_object('service', NEW.service, 'month', NEW.month, 'budget', NEW.budget, 'actual', NEW.actual, 'forecast', NEW.forecast)); END;

DROP TRIGGER audit_budgets_update;
CREATE TRIGGER audit_budgets_update AFTER UPDATE ON budgets
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'budgets', NEW.service || '|' || NEW.month, 'update',
          json_object('service', OLD.service, 'month', OLD.month, 'budget', OLD.budget, 'actual', OLD.actual, 'forecast', OLD.forecast),
          json_object('service', NEW.service, 'month', NEW.month, 'budget', NEW.budget, 'actual', NEW.actual, 'forecast', NEW.forecast)); END;

DROP TRIGGER audit_budgets_delete;
CREATE TRIGGER audit_budgets_delete AFTER DELETE ON budgets
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'budgets', OLD.service || '|' || OLD.month, 'delete',
          json_object('service', OLD.service, 'month', OLD.month, 'budget', OLD.budget, 'actual', OLD.actual, 'forecast', OLD.forecast),
          NULL); END;

DROP TRIGGER audit_benchmarks_insert;
CREATE TRIGGER audit_benchmarks_insert AFTER INSERT ON benchmarks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'benchmarks', NEW.indicator || '|' || NEW.period || '|' || NEW.comparator, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'period', NEW.period, 'comparator', NEW.comparator, 'value', NEW.value)); END;

DROP TRIGGER audit_benchmarks_update;
CREATE TRIGGER audit_benchmarks_update AFTER UPDATE ON benchmarks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'benchmarks', NEW.indicator || '|' || NEW.period || '|' || NEW.comparator, 'update',
          json_object('indicator', OLD.indicator, 'period', OLD.period, 'comparator', OLD.comparator, 'value', OLD.value),
          json_object('indicator', NEW.indicator, 'period', NEW.period, 'comparator', NEW.comparator, 'value', NEW.value)); END;

DROP TRIGGER audit_benchmarks_delete;
CREATE TRIGGER audit_benchmarks_delete AFTER DELETE ON benchmarks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'benchmarks', OLD.indicator || '|' || OLD.period || '|' || OLD.comparator, 'delete',
          json_object('indicator', OLD.indicator, 'period', OLD.period, 'comparator', OLD.comparator, 'value', OLD.value),
          NULL); END;

DROP TRIGGER audit_meetings_insert;
CREATE TRIGGER audit_meetings_insert AFTER INSERT ON meetings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'meetings', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'board', NEW.board, 'date', NEW.date, 'title', NEW.title, 'period', NEW.period)); END;

DROP TRIGGER audit_meetings_update;
CREATE TRIGGER audit_meetings_update AFTER UPDATE ON meetings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'meetings', NEW.id, 'update',
          json_object('id', OLD.id, 'board', OLD.board, 'date', OLD.date, 'title', OLD.title, 'period', OLD.period),
          json_object('id', NEW.id, 'board', NEW.board, 'date', NEW.date, 'title', NEW.title, 'period', NEW.period)); END;

DROP TRIGGER audit_meetings_delete;
CREATE TRIGGER audit_meetings_delete AFTER DELETE ON meetings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'meetings', OLD.id, 'delete',
          json_object('id', OLD.id, 'board', OLD.board, 'date', OLD.date, 'title', OLD.title, 'period', OLD.period),
          NULL); END;

DROP TRIGGER audit_exceptions_insert;
CREATE TRIGGER audit_exceptions_insert AFTER INSERT ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'kind', NEW.kind, 'period', NEW.period, 'subject', NEW.subject, 'service', NEW.service, 'owner', NEW.owner, 'figures', NEW.figures, 'commentary', NEW.commentary, 'meeting', NEW.meeting, 'status', NEW.status, 'proposal', NEW.proposal, 'decision', NEW.decision, 'board_member', NEW.board_member, 'escalation_due', NEW.escalation_due, 'raised_by', NEW.raised_by, 'raised_at', NEW.raised_at, 'closed_at', NEW.closed_at, 'version', NEW.version)); END;

DROP TRIGGER audit_exceptions_update;
CREATE TRIGGER audit_exceptions_update AFTER UPDATE ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', NEW.id, 'update',
          json_object('id', OLD.id, 'kind', OLD.kind, 'period', OLD.period, 'subject', OLD.subject, 'service', OLD.service, 'owner', OLD.owner, 'figures', OLD.figures, 'commentary', OLD.commentary, 'meeting', OLD.meeting, 'status', OLD.status, 'proposal', OLD.proposal, 'decision', OLD.decision, 'board_member', OLD.board_member, 'escalation_due', OLD.escalation_due, 'raised_by', OLD.raised_by, 'raised_at', OLD.raised_at, 'closed_at', OLD.closed_at, 'version', OLD.version),
          json_object('id', NEW.id, 'kind', NEW.kind, 'period', NEW.period, 'subject', NEW.subject, 'service', NEW.service, 'owner', NEW.owner, 'figures', NEW.figures, 'commentary', NEW.commentary, 'meeting', NEW.meeting, 'status', NEW.status, 'proposal', NEW.proposal, 'decision', NEW.decision, 'board_member', NEW.board_member, 'escalation_due', NEW.escalation_due, 'raised_by', NEW.raised_by, 'raised_at', NEW.raised_at, 'closed_at', NEW.closed_at, 'version', NEW.version)); END;

DROP TRIGGER audit_exceptions_delete;
CREATE TRIGGER audit_exceptions_delete AFTER DELETE ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', OLD.id, 'delete',
          json_object('id', OLD.id, 'kind', OLD.kind, 'period', OLD.period, 'subject', OLD.subject, 'service', OLD.service, 'owner', OLD.owner, 'figures', OLD.figures, 'commentary', OLD.commentary, 'meeting', OLD.meeting, 'status', OLD.status, 'proposal', OLD.proposal, 'decision', OLD.decision, 'board_member', OLD.board_member, 'escalation_due', OLD.escalation_due, 'raised_by', OLD.raised_by, 'raised_at', OLD.raised_at, 'closed_at', OLD.closed_at, 'version', OLD.version),
          NULL); END;

DROP TRIGGER audit_signoffs_insert;
CREATE TRIGGER audit_signoffs_insert AFTER INSERT ON signoffs
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoffs', NEW.period, 'insert',
          NULL,
          json_object('period', NEW.period, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at)); END;

DROP TRIGGER audit_signoffs_update;
CREATE TRIGGER audit_signoffs_update AFTER UPDATE ON signoffs
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoffs', NEW.period, 'update',
          json_object('period', OLD.period, 'signed_by', OLD.signed_by, 'signed_at', OLD.signed_at),
          json_object('period', NEW.period, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at)); END;

DROP TRIGGER audit_signoffs_delete;
CREATE TRIGGER audit_signoffs_delete AFTER DELETE ON signoffs
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoffs', OLD.period, 'delete',
          json_object('period', OLD.period, 'signed_by', OLD.signed_by, 'signed_at', OLD.signed_at),
          NULL); END;

DROP TRIGGER audit_signoff_statuses_insert;
CREATE TRIGGER audit_signoff_statuses_insert AFTER INSERT ON signoff_statuses
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_statuses', NEW.period || '|' || NEW.indicator, 'insert',
          NULL,
          json_object('period', NEW.period, 'indicator', NEW.indicator, 'status', NEW.status)); END;

DROP TRIGGER audit_signoff_statuses_update;
CREATE TRIGGER audit_signoff_statuses_update AFTER UPDATE ON signoff_statuses
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_statuses', NEW.period || '|' || NEW.indicator, 'update',
          json_object('period', OLD.period, 'indicator', OLD.indicator, 'status', OLD.status),
          json_object('period', NEW.period, 'indicator', NEW.indicator, 'status', NEW.status)); END;

DROP TRIGGER audit_signoff_statuses_delete;
CREATE TRIGGER audit_signoff_statuses_delete AFTER DELETE ON signoff_statuses
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_statuses', OLD.period || '|' || OLD.indicator, 'delete',
          json_object('period', OLD.period, 'indicator', OLD.indicator, 'status', OLD.status),
          NULL); END;

-- migration 3

-- Where an indicator's collection starts (a month like '2026-11'), overriding the
-- council's `collect_from` setting; '' for none.
ALTER TABLE indicators ADD COLUMN collect_from TEXT NOT NULL DEFAULT '';

DROP TRIGGER audit_indicators_insert;
CREATE TRIGGER audit_indicators_insert AFTER INSERT ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position, 'collect_from', NEW.collect_from)); END;

DROP TRIGGER audit_indicators_update;
CREATE TRIGGER audit_indicators_update AFTER UPDATE ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', NEW.code, 'update',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position, 'collect_from', OLD.collect_from),
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position, 'collect_from', NEW.collect_from)); END;

DROP TRIGGER audit_indicators_delete;
CREATE TRIGGER audit_indicators_delete AFTER DELETE ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', OLD.code, 'delete',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position, 'collect_from', OLD.collect_from),
          NULL); END;

-- migration 4
-- Plausible figures: each indicator's lowest and highest plausible figure, as its CSV
-- columns `min` and `max` state them ('' the default for its unit, 'none' no bound, or a
-- number); the audit triggers on indicators record them too.
ALTER TABLE indicators ADD COLUMN min TEXT NOT NULL DEFAULT '';
ALTER TABLE indicators ADD COLUMN max TEXT NOT NULL DEFAULT '';
DROP TRIGGER audit_indicators_insert;
CREATE TRIGGER audit_indicators_insert AFTER INSERT ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position, 'collect_from', NEW.collect_from, 'min', NEW.min, 'max', NEW.max)); END;

DROP TRIGGER audit_indicators_update;
CREATE TRIGGER audit_indicators_update AFTER UPDATE ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', NEW.code, 'update',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position, 'collect_from', OLD.collect_from, 'min', OLD.min, 'max', OLD.max),
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position, 'collect_from', NEW.collect_from, 'min', NEW.min, 'max', NEW.max)); END;

DROP TRIGGER audit_indicators_delete;
CREATE TRIGGER audit_indicators_delete AFTER DELETE ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', OLD.code, 'delete',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position, 'collect_from', OLD.collect_from, 'min', OLD.min, 'max', OLD.max),
          NULL); END;

-- migration 5

-- A sign-off reopened for correction (admin only). The sign-off is kept here as it was
-- (who signed, when), with who reopened it, when and why; its row leaves `signoffs` so the
-- period's values can change and it can be signed off again.
CREATE TABLE signoff_reopenings (
    id          INTEGER PRIMARY KEY,
    period      TEXT NOT NULL,
    signed_by   TEXT NOT NULL,
    signed_at   TEXT NOT NULL,
    reopened_by TEXT NOT NULL,
    reopened_at TEXT NOT NULL,
    reason      TEXT NOT NULL
);

-- The statuses a reopened sign-off had frozen, moved from signoff_statuses so they stay
-- on record: what went to Cabinet before the correction.
CREATE TABLE signoff_history (
    reopening INTEGER NOT NULL REFERENCES signoff_reopenings (id),
    period    TEXT NOT NULL,
    indicator TEXT NOT NULL,
    status    TEXT NOT NULL,
    PRIMARY KEY (reopening, period, indicator)
);

CREATE TRIGGER audit_signoff_reopenings_insert AFTER INSERT ON signoff_reopenings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_reopenings', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'period', NEW.period, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at, 'reopened_by', NEW.reopened_by, 'reopened_at', NEW.reopened_at, 'reason', NEW.reason)); END;

CREATE TRIGGER audit_signoff_reopenings_update AFTER UPDATE ON signoff_reopenings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_reopenings', NEW.id, 'update',
          json_object('id', OLD.id, 'period', OLD.period, 'signed_by', OLD.signed_by, 'signed_at', OLD.signed_at, 'reopened_by', OLD.reopened_by, 'reopened_at', OLD.reopened_at, 'reason', OLD.reason),
          json_object('id', NEW.id, 'period', NEW.period, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at, 'reopened_by', NEW.reopened_by, 'reopened_at', NEW.reopened_at, 'reason', NEW.reason)); END;

CREATE TRIGGER audit_signoff_reopenings_delete AFTER DELETE ON signoff_reopenings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_reopenings', OLD.id, 'delete',
          json_object('id', OLD.id, 'period', OLD.period, 'signed_by', OLD.signed_by, 'signed_at', OLD.signed_at, 'reopened_by', OLD.reopened_by, 'reopened_at', OLD.reopened_at, 'reason', OLD.reason),
          NULL); END;

CREATE TRIGGER audit_signoff_history_insert AFTER INSERT ON signoff_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_history', NEW.reopening || '|' || NEW.period || '|' || NEW.indicator, 'insert',
          NULL,
          json_object('reopening', NEW.reopening, 'period', NEW.period, 'indicator', NEW.indicator, 'status', NEW.status)); END;

CREATE TRIGGER audit_signoff_history_update AFTER UPDATE ON signoff_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_history', NEW.reopening || '|' || NEW.period || '|' || NEW.indicator, 'update',
          json_object('reopening', OLD.reopening, 'period', OLD.period, 'indicator', OLD.indicator, 'status', OLD.status),
          json_object('reopening', NEW.reopening, 'period', NEW.period, 'indicator', NEW.indicator, 'status', NEW.status)); END;

CREATE TRIGGER audit_signoff_history_delete AFTER DELETE ON signoff_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_history', OLD.reopening || '|' || OLD.period || '|' || OLD.indicator, 'delete',
          json_object('reopening', OLD.reopening, 'period', OLD.period, 'indicator', OLD.indicator, 'status', OLD.status),
          NULL); END;

-- migration 6
-- Delivery gets its history (actions, major projects, risks, EIAs, case studies). Each
-- action and project now takes dated updates, each risk dated reviews, and each links to
-- any number of plan nodes, so their status for a past period can be judged as it was.
-- Nothing held before is lost: an action's status, progress and completion date and a
-- project's RAG become its first update (for the month of completion, else the last month
-- ended when the file was migrated); a risk's likelihood and impact become its inherent
-- score and its first review, dated that day; its single plan node becomes a link.
-- Tables are rebuilt through staging copies without constraints, children dropped before
-- parents, so no cascade can delete a row on the way.

-- Staging copies of what was held.
CREATE TABLE v5_actions AS SELECT * FROM actions;
CREATE TABLE v5_projects AS SELECT * FROM projects;
CREATE TABLE v5_milestones AS SELECT m.*, p.code AS project_code FROM milestones m JOIN projects p ON p.id = m.project;
CREATE TABLE v5_risks AS SELECT * FROM risks;
CREATE TABLE v5_eias AS SELECT * FROM eias;
CREATE TABLE v5_exceptions AS SELECT * FROM exceptions;

DROP TRIGGER audit_actions_insert;
DROP TRIGGER audit_actions_update;
DROP TRIGGER audit_actions_delete;
DROP TRIGGER audit_projects_insert;
DROP TRIGGER audit_projects_update;
DROP TRIGGER audit_projects_delete;
DROP TRIGGER audit_milestones_insert;
DROP TRIGGER audit_milestones_update;
DROP TRIGGER audit_milestones_delete;
DROP TRIGGER audit_risks_insert;
DROP TRIGGER audit_risks_update;
DROP TRIGGER audit_risks_delete;
DROP TRIGGER audit_eias_insert;
DROP TRIGGER audit_eias_update;
DROP TRIGGER audit_eias_delete;
DROP TRIGGER audit_exceptions_insert;
DROP TRIGGER audit_exceptions_update;
DROP TRIGGER audit_exceptions_delete;
DROP TABLE milestones;
DROP TABLE projects;
DROP TABLE actions;
DROP TABLE risks;
DROP TABLE eias;
DROP TABLE exceptions;

CREATE TABLE actions (
    id    INTEGER PRIMARY KEY,
    code  TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    kind  TEXT NOT NULL DEFAULT 'team' CHECK (kind IN ('corporate', 'portfolio', 'team')),
    owner TEXT NOT NULL DEFAULT '',
    start TEXT,                            -- 'YYYY-MM-DD'; NULL: started from the outset
    due   TEXT NOT NULL
);

CREATE TABLE action_links (
    action TEXT NOT NULL REFERENCES actions(code) ON UPDATE CASCADE ON DELETE CASCADE,
    node   TEXT NOT NULL REFERENCES plan_nodes(code),
    PRIMARY KEY (action, node)
);

-- The owner's update for a period (a month or a quarter, written as periods are).
CREATE TABLE action_updates (
    action     TEXT NOT NULL REFERENCES actions(code) ON UPDATE CASCADE ON DELETE CASCADE,
    period     TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('not_started', 'on_track', 'at_risk', 'off_track',
                                               'completed', 'deferred', 'cancelled')),
    progress   INTEGER CHECK (progress IS NULL OR progress BETWEEN 0 AND 100),
    forecast   TEXT,                       -- the revised date; the latest update's is agreed
    commentary TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL DEFAULT '',
    entered_at TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (action, period)
);

CREATE TABLE projects (
    id     INTEGER PRIMARY KEY,
    code   TEXT NOT NULL UNIQUE,
    title  TEXT NOT NULL,
    owner  TEXT NOT NULL DEFAULT '',
    start  TEXT,
    finish TEXT,
    budget REAL
);

CREATE TABLE project_links (
    project TEXT NOT NULL REFERENCES projects(code) ON UPDATE CASCADE ON DELETE CASCADE,
    node    TEXT NOT NULL REFERENCES plan_nodes(code),
    PRIMARY KEY (project, node)
);

CREATE TABLE project_updates (
    project    TEXT NOT NULL REFERENCES projects(code) ON UPDATE CASCADE ON DELETE CASCADE,
    period     TEXT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('on_track', 'at_risk', 'off_track', 'completed', 'closed')),
    spent      REAL,                       -- spend to date
    commentary TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL DEFAULT '',
    entered_at TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (project, period)
);

-- A milestone is late when not done by its baseline due date, whatever its forecast.
CREATE TABLE milestones (
    project  TEXT NOT NULL REFERENCES projects(code) ON UPDATE CASCADE ON DELETE CASCADE,
    title    TEXT NOT NULL,
    due      TEXT NOT NULL,
    forecast TEXT,
    done     TEXT,
    PRIMARY KEY (project, title)
);

CREATE TABLE risks (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL,
    category            TEXT NOT NULL CHECK (category IN ('strategic', 'business', 'operational', 'partnership')),
    owner               TEXT NOT NULL DEFAULT '',
    controls            TEXT NOT NULL DEFAULT '',
    inherent_likelihood INTEGER NOT NULL CHECK (inherent_likelihood BETWEEN 1 AND 5),
    inherent_impact     INTEGER NOT NULL CHECK (inherent_impact BETWEEN 1 AND 5),
    target_score        INTEGER NOT NULL CHECK (target_score BETWEEN 1 AND 25),
    review_months       INTEGER NOT NULL DEFAULT 3 CHECK (review_months BETWEEN 1 AND 60),
    closed              TEXT                -- open until this date
);

CREATE TABLE risk_links (
    risk TEXT NOT NULL REFERENCES risks(code) ON UPDATE CASCADE ON DELETE CASCADE,
    node TEXT NOT NULL REFERENCES plan_nodes(code),
    PRIMARY KEY (risk, node)
);

CREATE TABLE risk_reviews (
    risk       TEXT NOT NULL REFERENCES risks(code) ON UPDATE CASCADE ON DELETE CASCADE,
    date       TEXT NOT NULL,
    likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact     INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    commentary TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL DEFAULT '',
    entered_at TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (risk, date)
);

-- Overdue when not completed by its due date: judged, not stored.
CREATE TABLE eias (
    id        INTEGER PRIMARY KEY,
    code      TEXT NOT NULL UNIQUE,
    title     TEXT NOT NULL,
    node      TEXT REFERENCES plan_nodes(code),
    service   TEXT REFERENCES services(code),
    owner     TEXT NOT NULL DEFAULT '',
    due       TEXT NOT NULL,
    completed TEXT,
    outcome   TEXT NOT NULL DEFAULT ''
);

-- Exceptions for delivery too: `action` (off track or overdue), `project` (off track),
-- `milestone` (a late milestone; the subject is the project), `risk` (above its target
-- score), `risk_review` (review overdue), `eia` (overdue) and `missing_update`.
CREATE TABLE exceptions (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('red', 'missing', 'action', 'project', 'milestone',
                                                 'risk', 'risk_review', 'eia', 'missing_update')),
    period         TEXT NOT NULL,
    subject        TEXT NOT NULL,          -- indicator, action, project, risk or EIA code
    service        TEXT NOT NULL DEFAULT '',
    owner          TEXT NOT NULL DEFAULT '',
    figures        TEXT NOT NULL DEFAULT '',  -- what raised it, as shown when raised
    commentary     TEXT NOT NULL DEFAULT '',
    meeting        INTEGER REFERENCES meetings(id),
    status         TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'proposed', 'agreed', 'escalated', 'closed')),
    proposal       TEXT NOT NULL DEFAULT '',
    decision       TEXT NOT NULL DEFAULT '',
    board_member   TEXT NOT NULL DEFAULT '',
    escalation_due TEXT,
    raised_by      TEXT NOT NULL,
    raised_at      TEXT NOT NULL,
    closed_at      TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (kind, period, subject)
);

INSERT INTO actions (id, code, title, kind, owner, start, due)
  SELECT id, code, title, kind, owner, NULL, due FROM v5_actions;
INSERT INTO action_links (action, node)
  SELECT code, node FROM v5_actions WHERE node IS NOT NULL;
INSERT INTO action_updates (action, period, status, progress, forecast, commentary, entered_by, entered_at)
  SELECT code,
         CASE WHEN status = 'completed' AND completed IS NOT NULL THEN substr(completed, 1, 7)
              ELSE strftime('%Y-%m', substr(pmdb_now(), 1, 10), 'start of month', '-1 month') END,
         status, progress, NULL, 'Carried over from the register as it stood before updates were dated.', pmdb_login(), pmdb_now()
    FROM v5_actions;

INSERT INTO projects (id, code, title, owner, start, finish, budget)
  SELECT id, code, title, owner, start, finish, budget FROM v5_projects;
INSERT INTO project_links (project, node)
  SELECT code, node FROM v5_projects WHERE node IS NOT NULL;
INSERT INTO project_updates (project, period, status, spent, commentary, entered_by, entered_at)
  SELECT code, strftime('%Y-%m', substr(pmdb_now(), 1, 10), 'start of month', '-1 month'),
         CASE status WHEN 'green' THEN 'on_track' WHEN 'amber' THEN 'at_risk'
                     WHEN 'red' THEN 'off_track' ELSE 'completed' END,
         NULL, 'Carried over from the register as it stood before updates were dated.', pmdb_login(), pmdb_now()
    FROM v5_projects;
-- Two milestones of one project with the same title keep both, the later numbered.
INSERT INTO milestones (project, title, due, forecast, done)
  SELECT project_code,
         title || CASE WHEN (SELECT count(*) FROM v5_milestones o
                              WHERE o.project_code = m.project_code AND o.title = m.title AND o.id < m.id) = 0
                       THEN '' ELSE ' (' || m.id || ')' END,
         due, NULL, done_on
    FROM v5_milestones m;

INSERT INTO risks (id, code, title, category, owner, controls, inherent_likelihood, inherent_impact,
                   target_score, review_months, closed)
  SELECT id, code, title, category, owner, controls, likelihood, impact, target_score, 3,
         CASE status WHEN 'closed' THEN substr(pmdb_now(), 1, 10) END
    FROM v5_risks;
INSERT INTO risk_links (risk, node)
  SELECT code, node FROM v5_risks WHERE node IS NOT NULL;
INSERT INTO risk_reviews (risk, date, likelihood, impact, commentary, entered_by, entered_at)
  SELECT code, substr(pmdb_now(), 1, 10), likelihood, impact, 'Carried over from the register as it stood before updates were dated.', pmdb_login(), pmdb_now()
    FROM v5_risks;

-- A completed EIA's completion date was not held: its due date stands for it.
INSERT INTO eias (id, code, title, node, service, owner, due, completed, outcome)
  SELECT id, code, title, node, service, owner, due,
         CASE status WHEN 'completed' THEN due END, outcome
    FROM v5_eias;

INSERT INTO exceptions
  SELECT id, CASE kind WHEN 'overdue_action' THEN 'action' ELSE kind END, period, subject, service,
         owner, figures, commentary, meeting, status, proposal, decision, board_member,
         escalation_due, raised_by, raised_at, closed_at, version
    FROM v5_exceptions;

DROP TABLE v5_actions;
DROP TABLE v5_projects;
DROP TABLE v5_milestones;
DROP TABLE v5_risks;
DROP TABLE v5_eias;
DROP TABLE v5_exceptions;

-- Case studies get a code, as every other record has.
ALTER TABLE case_studies ADD COLUMN code TEXT;
UPDATE case_studies SET code = 'CS' || id;
CREATE UNIQUE INDEX case_studies_code ON case_studies (code);

CREATE TRIGGER audit_actions_insert AFTER INSERT ON actions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'actions', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'owner', NEW.owner, 'start', NEW.start, 'due', NEW.due)); END;

CREATE TRIGGER audit_actions_update AFTER UPDATE ON actions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'actions', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'owner', OLD.owner, 'start', OLD.start, 'due', OLD.due),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'owner', NEW.owner, 'start', NEW.start, 'due', NEW.due)); END;

CREATE TRIGGER audit_actions_delete AFTER DELETE ON actions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'actions', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'owner', OLD.owner, 'start', OLD.start, 'due', OLD.due),
          NULL); END;

CREATE TRIGGER audit_action_links_insert AFTER INSERT ON action_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'action_links', NEW.action || '|' || NEW.node, 'insert',
          NULL,
          json_object('action', NEW.action, 'node', NEW.node)); END;

CREATE TRIGGER audit_action_links_update AFTER UPDATE ON action_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'action_links', NEW.action || '|' || NEW.node, 'update',
          json_object('action', OLD.action, 'node', OLD.node),
          json_object('action', NEW.action, 'node', NEW.node)); END;

CREATE TRIGGER audit_action_links_delete AFTER DELETE ON action_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'action_links', OLD.action || '|' || OLD.node, 'delete',
          json_object('action', OLD.action, 'node', OLD.node),
          NULL); END;

CREATE TRIGGER audit_action_updates_insert AFTER INSERT ON action_updates
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'action_updates', NEW.action || '|' || NEW.period, 'insert',
          NULL,
          json_object('action', NEW.action, 'period', NEW.period, 'status', NEW.status, 'progress', NEW.progress, 'forecast', NEW.forecast, 'commentary', NEW.commentary, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_action_updates_update AFTER UPDATE ON action_updates
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'action_updates', NEW.action || '|' || NEW.period, 'update',
          json_object('action', OLD.action, 'period', OLD.period, 'status', OLD.status, 'progress', OLD.progress, 'forecast', OLD.forecast, 'commentary', OLD.commentary, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          json_object('action', NEW.action, 'period', NEW.period, 'status', NEW.status, 'progress', NEW.progress, 'forecast', NEW.forecast, 'commentary', NEW.commentary, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_action_updates_delete AFTER DELETE ON action_updates
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'action_updates', OLD.action || '|' || OLD.period, 'delete',
          json_object('action', OLD.action, 'period', OLD.period, 'status', OLD.status, 'progress', OLD.progress, 'forecast', OLD.forecast, 'commentary', OLD.commentary, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          NULL); END;

CREATE TRIGGER audit_projects_insert AFTER INSERT ON projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'projects', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'owner', NEW.owner, 'start', NEW.start, 'finish', NEW.finish, 'budget', NEW.budget)); END;

CREATE TRIGGER audit_projects_update AFTER UPDATE ON projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'projects', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'owner', OLD.owner, 'start', OLD.start, 'finish', OLD.finish, 'budget', OLD.budget),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'owner', NEW.owner, 'start', NEW.start, 'finish', NEW.finish, 'budget', NEW.budget)); END;

CREATE TRIGGER audit_projects_delete AFTER DELETE ON projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'projects', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'owner', OLD.owner, 'start', OLD.start, 'finish', OLD.finish, 'budget', OLD.budget),
          NULL); END;

CREATE TRIGGER audit_project_links_insert AFTER INSERT ON project_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'project_links', NEW.project || '|' || NEW.node, 'insert',
          NULL,
          json_object('project', NEW.project, 'node', NEW.node)); END;

CREATE TRIGGER audit_project_links_update AFTER UPDATE ON project_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'project_links', NEW.project || '|' || NEW.node, 'update',
          json_object('project', OLD.project, 'node', OLD.node),
          json_object('project', NEW.project, 'node', NEW.node)); END;

CREATE TRIGGER audit_project_links_delete AFTER DELETE ON project_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'project_links', OLD.project || '|' || OLD.node, 'delete',
          json_object('project', OLD.project, 'node', OLD.node),
          NULL); END;

CREATE TRIGGER audit_project_updates_insert AFTER INSERT ON project_updates
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'project_updates', NEW.project || '|' || NEW.period, 'insert',
          NULL,
          json_object('project', NEW.project, 'period', NEW.period, 'status', NEW.status, 'spent', NEW.spent, 'commentary', NEW.commentary, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_project_updates_update AFTER UPDATE ON project_updates
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'project_updates', NEW.project || '|' || NEW.period, 'update',
          json_object('project', OLD.project, 'period', OLD.period, 'status', OLD.status, 'spent', OLD.spent, 'commentary', OLD.commentary, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          json_object('project', NEW.project, 'period', NEW.period, 'status', NEW.status, 'spent', NEW.spent, 'commentary', NEW.commentary, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_project_updates_delete AFTER DELETE ON project_updates
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'project_updates', OLD.project || '|' || OLD.period, 'delete',
          json_object('project', OLD.project, 'period', OLD.period, 'status', OLD.status, 'spent', OLD.spent, 'commentary', OLD.commentary, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          NULL); END;

CREATE TRIGGER audit_milestones_insert AFTER INSERT ON milestones
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'milestones', NEW.project || '|' || NEW.title, 'insert',
          NULL,
          json_object('project', NEW.project, 'title', NEW.title, 'due', NEW.due, 'forecast', NEW.forecast, 'done', NEW.done)); END;

CREATE TRIGGER audit_milestones_update AFTER UPDATE ON milestones
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'milestones', NEW.project || '|' || NEW.title, 'update',
          json_object('project', OLD.project, 'title', OLD.title, 'due', OLD.due, 'forecast', OLD.forecast, 'done', OLD.done),
          json_object('project', NEW.project, 'title', NEW.title, 'due', NEW.due, 'forecast', NEW.forecast, 'done', NEW.done)); END;

CREATE TRIGGER audit_milestones_delete AFTER DELETE ON milestones
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'milestones', OLD.project || '|' || OLD.title, 'delete',
          json_object('project', OLD.project, 'title', OLD.title, 'due', OLD.due, 'forecast', OLD.forecast, 'done', OLD.done),
          NULL); END;

CREATE TRIGGER audit_risks_insert AFTER INSERT ON risks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risks', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'category', NEW.category, 'owner', NEW.owner, 'controls', NEW.controls, 'inherent_likelihood', NEW.inherent_likelihood, 'inherent_impact', NEW.inherent_impact, 'target_score', NEW.target_score, 'review_months', NEW.review_months, 'closed', NEW.closed)); END;

CREATE TRIGGER audit_risks_update AFTER UPDATE ON risks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risks', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'owner', OLD.owner, 'controls', OLD.controls, 'inherent_likelihood', OLD.inherent_likelihood, 'inherent_impact', OLD.inherent_impact, 'target_score', OLD.target_score, 'review_months', OLD.review_months, 'closed', OLD.closed),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'category', NEW.category, 'owner', NEW.owner, 'controls', NEW.controls, 'inherent_likelihood', NEW.inherent_likelihood, 'inherent_impact', NEW.inherent_impact, 'target_score', NEW.target_score, 'review_months', NEW.review_months, 'closed', NEW.closed)); END;

CREATE TRIGGER audit_risks_delete AFTER DELETE ON risks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risks', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'owner', OLD.owner, 'controls', OLD.controls, 'inherent_likelihood', OLD.inherent_likelihood, 'inherent_impact', OLD.inherent_impact, 'target_score', OLD.target_score, 'review_months', OLD.review_months, 'closed', OLD.closed),
          NULL); END;

CREATE TRIGGER audit_risk_links_insert AFTER INSERT ON risk_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_links', NEW.risk || '|' || NEW.node, 'insert',
          NULL,
          json_object('risk', NEW.risk, 'node', NEW.node)); END;

CREATE TRIGGER audit_risk_links_update AFTER UPDATE ON risk_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_links', NEW.risk || '|' || NEW.node, 'update',
          json_object('risk', OLD.risk, 'node', OLD.node),
          json_object('risk', NEW.risk, 'node', NEW.node)); END;

CREATE TRIGGER audit_risk_links_delete AFTER DELETE ON risk_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_links', OLD.risk || '|' || OLD.node, 'delete',
          json_object('risk', OLD.risk, 'node', OLD.node),
          NULL); END;

CREATE TRIGGER audit_risk_reviews_insert AFTER INSERT ON risk_reviews
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_reviews', NEW.risk || '|' || NEW.date, 'insert',
          NULL,
          json_object('risk', NEW.risk, 'date', NEW.date, 'likelihood', NEW.likelihood, 'impact', NEW.impact, 'commentary', NEW.commentary, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_risk_reviews_update AFTER UPDATE ON risk_reviews
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_reviews', NEW.risk || '|' || NEW.date, 'update',
          json_object('risk', OLD.risk, 'date', OLD.date, 'likelihood', OLD.likelihood, 'impact', OLD.impact, 'commentary', OLD.commentary, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          json_object('risk', NEW.risk, 'date', NEW.date, 'likelihood', NEW.likelihood, 'impact', NEW.impact, 'commentary', NEW.commentary, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_risk_reviews_delete AFTER DELETE ON risk_reviews
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_reviews', OLD.risk || '|' || OLD.date, 'delete',
          json_object('risk', OLD.risk, 'date', OLD.date, 'likelihood', OLD.likelihood, 'impact', OLD.impact, 'commentary', OLD.commentary, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          NULL); END;

CREATE TRIGGER audit_eias_insert AFTER INSERT ON eias
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'eias', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'owner', NEW.owner, 'due', NEW.due, 'completed', NEW.completed, 'outcome', NEW.outcome)); END;

CREATE TRIGGER audit_eias_update AFTER UPDATE ON eias
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'eias', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'owner', OLD.owner, 'due', OLD.due, 'completed', OLD.completed, 'outcome', OLD.outcome),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'owner', NEW.owner, 'due', NEW.due, 'completed', NEW.completed, 'outcome', NEW.outcome)); END;

CREATE TRIGGER audit_eias_delete AFTER DELETE ON eias
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'eias', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'owner', OLD.owner, 'due', OLD.due, 'completed', OLD.completed, 'outcome', OLD.outcome),
          NULL); END;

CREATE TRIGGER audit_exceptions_insert AFTER INSERT ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'kind', NEW.kind, 'period', NEW.period, 'subject', NEW.subject, 'service', NEW.service, 'owner', NEW.owner, 'figures', NEW.figures, 'commentary', NEW.commentary, 'meeting', NEW.meeting, 'status', NEW.status, 'proposal', NEW.proposal, 'decision', NEW.decision, 'board_member', NEW.board_member, 'escalation_due', NEW.escalation_due, 'raised_by', NEW.raised_by, 'raised_at', NEW.raised_at, 'closed_at', NEW.closed_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_exceptions_update AFTER UPDATE ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', NEW.id, 'update',
          json_object('id', OLD.id, 'kind', OLD.kind, 'period', OLD.period, 'subject', OLD.subject, 'service', OLD.service, 'owner', OLD.owner, 'figures', OLD.figures, 'commentary', OLD.commentary, 'meeting', OLD.meeting, 'status', OLD.status, 'proposal', OLD.proposal, 'decision', OLD.decision, 'board_member', OLD.board_member, 'escalation_due', OLD.escalation_due, 'raised_by', OLD.raised_by, 'raised_at', OLD.raised_at, 'closed_at', OLD.closed_at, 'version', OLD.version),
          json_object('id', NEW.id, 'kind', NEW.kind, 'period', NEW.period, 'subject', NEW.subject, 'service', NEW.service, 'owner', NEW.owner, 'figures', NEW.figures, 'commentary', NEW.commentary, 'meeting', NEW.meeting, 'status', NEW.status, 'proposal', NEW.proposal, 'decision', NEW.decision, 'board_member', NEW.board_member, 'escalation_due', NEW.escalation_due, 'raised_by', NEW.raised_by, 'raised_at', NEW.raised_at, 'closed_at', NEW.closed_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_exceptions_delete AFTER DELETE ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', OLD.id, 'delete',
          json_object('id', OLD.id, 'kind', OLD.kind, 'period', OLD.period, 'subject', OLD.subject, 'service', OLD.service, 'owner', OLD.owner, 'figures', OLD.figures, 'commentary', OLD.commentary, 'meeting', OLD.meeting, 'status', OLD.status, 'proposal', OLD.proposal, 'decision', OLD.decision, 'board_member', OLD.board_member, 'escalation_due', OLD.escalation_due, 'raised_by', OLD.raised_by, 'raised_at', OLD.raised_at, 'closed_at', OLD.closed_at, 'version', OLD.version),
          NULL); END;

DROP TRIGGER audit_case_studies_insert;
CREATE TRIGGER audit_case_studies_insert AFTER INSERT ON case_studies
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'case_studies', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'year', NEW.year, 'story', NEW.story)); END;

DROP TRIGGER audit_case_studies_update;
CREATE TRIGGER audit_case_studies_update AFTER UPDATE ON case_studies
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'case_studies', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'year', OLD.year, 'story', OLD.story),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'year', NEW.year, 'story', NEW.story)); END;

DROP TRIGGER audit_case_studies_delete;
CREATE TRIGGER audit_case_studies_delete AFTER DELETE ON case_studies
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'case_studies', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'year', OLD.year, 'story', OLD.story),
          NULL); END;



-- migration 7
-- Sign-off freezes delivery with the indicators: each action's, project's, risk's and
-- EIA's status for the period and the periods inside it, as JSON of its judgement, by
-- kind ('action', 'project', 'risk', 'eia') and code. A reopening keeps them on record
-- beside the indicators' statuses.
CREATE TABLE signoff_delivery (
    period TEXT NOT NULL,
    kind   TEXT NOT NULL CHECK (kind IN ('action', 'project', 'risk', 'eia')),
    code   TEXT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (period, kind, code)
);

CREATE TABLE signoff_delivery_history (
    reopening INTEGER NOT NULL REFERENCES signoff_reopenings (id),
    period    TEXT NOT NULL,
    kind      TEXT NOT NULL,
    code      TEXT NOT NULL,
    status    TEXT NOT NULL,
    PRIMARY KEY (reopening, period, kind, code)
);

CREATE TRIGGER audit_signoff_delivery_insert AFTER INSERT ON signoff_delivery
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_delivery', NEW.period || '|' || NEW.kind || '|' || NEW.code, 'insert',
          NULL,
          json_object('period', NEW.period, 'kind', NEW.kind, 'code', NEW.code, 'status', NEW.status)); END;

CREATE TRIGGER audit_signoff_delivery_update AFTER UPDATE ON signoff_delivery
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_delivery', NEW.period || '|' || NEW.kind || '|' || NEW.code, 'update',
          json_object('period', OLD.period, 'kind', OLD.kind, 'code', OLD.code, 'status', OLD.status),
          json_object('period', NEW.period, 'kind', NEW.kind, 'code', NEW.code, 'status', NEW.status)); END;

CREATE TRIGGER audit_signoff_delivery_delete AFTER DELETE ON signoff_delivery
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_delivery', OLD.period || '|' || OLD.kind || '|' || OLD.code, 'delete',
          json_object('period', OLD.period, 'kind', OLD.kind, 'code', OLD.code, 'status', OLD.status),
          NULL); END;

CREATE TRIGGER audit_signoff_delivery_history_insert AFTER INSERT ON signoff_delivery_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_delivery_history', NEW.reopening || '|' || NEW.period || '|' || NEW.kind || '|' || NEW.code, 'insert',
          NULL,
          json_object('reopening', NEW.reopening, 'period', NEW.period, 'kind', NEW.kind, 'code', NEW.code, 'status', NEW.status)); END;

-- migration 8
-- Sign-off also freezes what a period's report shows beyond figures and statuses: the
-- benchmarks its indicators are placed among and the exceptions escalated to Management
-- Board, as they stood at sign-off, one row per period (the signed-off period and each
-- period inside it), each a JSON array of records. A period signed off before this
-- migration has no row: its report reads them as they are now (nothing is made up).
-- A reopening keeps them on record beside the statuses.
CREATE TABLE signoff_extras (
    period     TEXT PRIMARY KEY,
    benchmarks TEXT NOT NULL,
    escalated  TEXT NOT NULL,
    -- The council's settings rows and RAG rule history at sign-off, as JSON.
    settings   TEXT NOT NULL,
    -- On the signed-off period's own row: the indicators, plan, services, portfolios,
    -- users and delivery items its reports name, as they stood (JSON); NULL on the rows
    -- of the periods inside it.
    definitions TEXT
);

CREATE TABLE signoff_extras_history (
    reopening  INTEGER NOT NULL REFERENCES signoff_reopenings (id),
    period     TEXT NOT NULL,
    benchmarks TEXT NOT NULL,
    escalated  TEXT NOT NULL,
    settings   TEXT NOT NULL,
    definitions TEXT,
    PRIMARY KEY (reopening, period)
);

CREATE TRIGGER audit_signoff_extras_insert AFTER INSERT ON signoff_extras
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_extras', NEW.period, 'insert',
          NULL,
          json_object('period', NEW.period, 'benchmarks', NEW.benchmarks, 'escalated', NEW.escalated, 'settings', NEW.settings, 'definitions_bytes', length(NEW.definitions))); END;

CREATE TRIGGER audit_signoff_extras_update AFTER UPDATE ON signoff_extras
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_extras', NEW.period, 'update',
          json_object('period', OLD.period, 'benchmarks', OLD.benchmarks, 'escalated', OLD.escalated, 'settings', OLD.settings, 'definitions_bytes', length(OLD.definitions)),
          json_object('period', NEW.period, 'benchmarks', NEW.benchmarks, 'escalated', NEW.escalated, 'settings', NEW.settings, 'definitions_bytes', length(NEW.definitions))); END;

CREATE TRIGGER audit_signoff_extras_delete AFTER DELETE ON signoff_extras
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_extras', OLD.period, 'delete',
          json_object('period', OLD.period, 'benchmarks', OLD.benchmarks, 'escalated', OLD.escalated, 'settings', OLD.settings, 'definitions_bytes', length(OLD.definitions)),
          NULL); END;

CREATE TRIGGER audit_signoff_extras_history_insert AFTER INSERT ON signoff_extras_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_extras_history', NEW.reopening || '|' || NEW.period, 'insert',
          NULL,
          json_object('reopening', NEW.reopening, 'period', NEW.period, 'benchmarks', NEW.benchmarks, 'escalated', NEW.escalated)); END;

CREATE TRIGGER audit_signoff_extras_history_update AFTER UPDATE ON signoff_extras_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_extras_history', NEW.reopening || '|' || NEW.period, 'update',
          json_object('reopening', OLD.reopening, 'period', OLD.period, 'benchmarks', OLD.benchmarks, 'escalated', OLD.escalated),
          json_object('reopening', NEW.reopening, 'period', NEW.period, 'benchmarks', NEW.benchmarks, 'escalated', NEW.escalated)); END;

CREATE TRIGGER audit_signoff_extras_history_delete AFTER DELETE ON signoff_extras_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_extras_history', OLD.reopening || '|' || OLD.period, 'delete',
          json_object('reopening', OLD.reopening, 'period', OLD.period, 'benchmarks', OLD.benchmarks, 'escalated', OLD.escalated),
          NULL); END;

-- migration 9
-- What a council's first year found (issue 21).
-- An indicator's figures may arrive late from outside: `lag` whole months move every
-- deadline of it (a national quarterly return published three months after the quarter
-- has lag 3). A `cumulative` measure (council tax collected to date) is compared only with
-- the same period last year, never with the previous period.
ALTER TABLE indicators ADD COLUMN cumulative INTEGER NOT NULL DEFAULT 0 CHECK (cumulative IN (0, 1));
ALTER TABLE indicators ADD COLUMN lag INTEGER NOT NULL DEFAULT 0 CHECK (lag BETWEEN 0 AND 24);

DROP TRIGGER audit_indicators_insert;
CREATE TRIGGER audit_indicators_insert AFTER INSERT ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position, 'collect_from', NEW.collect_from, 'min', NEW.min, 'max', NEW.max, 'cumulative', NEW.cumulative, 'lag', NEW.lag)); END;

DROP TRIGGER audit_indicators_update;
CREATE TRIGGER audit_indicators_update AFTER UPDATE ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', NEW.code, 'update',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position, 'collect_from', OLD.collect_from, 'min', OLD.min, 'max', OLD.max, 'cumulative', OLD.cumulative, 'lag', OLD.lag),
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position, 'collect_from', NEW.collect_from, 'min', NEW.min, 'max', NEW.max, 'cumulative', NEW.cumulative, 'lag', NEW.lag)); END;

DROP TRIGGER audit_indicators_delete;
CREATE TRIGGER audit_indicators_delete AFTER DELETE ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', OLD.code, 'delete',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position, 'collect_from', OLD.collect_from, 'min', OLD.min, 'max', OLD.max, 'cumulative', OLD.cumulative, 'lag', OLD.lag),
          NULL); END;

-- An open action or project owes an update for each period of its frequency.
ALTER TABLE actions ADD COLUMN frequency TEXT NOT NULL DEFAULT 'monthly'
    CHECK (frequency IN ('monthly', 'quarterly'));
ALTER TABLE projects ADD COLUMN frequency TEXT NOT NULL DEFAULT 'monthly'
    CHECK (frequency IN ('monthly', 'quarterly'));

DROP TRIGGER audit_actions_insert;
CREATE TRIGGER audit_actions_insert AFTER INSERT ON actions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'actions', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'owner', NEW.owner, 'start', NEW.start, 'due', NEW.due, 'frequency', NEW.frequency)); END;

DROP TRIGGER audit_actions_update;
CREATE TRIGGER audit_actions_update AFTER UPDATE ON actions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'actions', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'owner', OLD.owner, 'start', OLD.start, 'due', OLD.due, 'frequency', OLD.frequency),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'owner', NEW.owner, 'start', NEW.start, 'due', NEW.due, 'frequency', NEW.frequency)); END;

DROP TRIGGER audit_actions_delete;
CREATE TRIGGER audit_actions_delete AFTER DELETE ON actions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'actions', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'owner', OLD.owner, 'start', OLD.start, 'due', OLD.due, 'frequency', OLD.frequency),
          NULL); END;

DROP TRIGGER audit_projects_insert;
CREATE TRIGGER audit_projects_insert AFTER INSERT ON projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'projects', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'owner', NEW.owner, 'start', NEW.start, 'finish', NEW.finish, 'budget', NEW.budget, 'frequency', NEW.frequency)); END;

DROP TRIGGER audit_projects_update;
CREATE TRIGGER audit_projects_update AFTER UPDATE ON projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'projects', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'owner', OLD.owner, 'start', OLD.start, 'finish', OLD.finish, 'budget', OLD.budget, 'frequency', OLD.frequency),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'owner', NEW.owner, 'start', NEW.start, 'finish', NEW.finish, 'budget', NEW.budget, 'frequency', NEW.frequency)); END;

DROP TRIGGER audit_projects_delete;
CREATE TRIGGER audit_projects_delete AFTER DELETE ON projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'projects', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'owner', OLD.owner, 'start', OLD.start, 'finish', OLD.finish, 'budget', OLD.budget, 'frequency', OLD.frequency),
          NULL); END;

-- A value's lateness is its first recording's: a correction after the deadline (after a
-- reopening, say) does not make a figure given on time late. Read back from the audit
-- log's insert for the values held before.
ALTER TABLE "values" ADD COLUMN first_entered_at TEXT;
UPDATE "values" SET first_entered_at = coalesce(
    (SELECT json_extract(a.new, '$.entered_at') FROM audit_log a
      WHERE a.tbl = 'values' AND a.op = 'insert' AND a.key = "values".indicator || '|' || "values".period
      ORDER BY a.id DESC LIMIT 1),
    entered_at);

DROP TRIGGER audit_values_insert;
CREATE TRIGGER audit_values_insert AFTER INSERT ON "values"
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'values', NEW.indicator || '|' || NEW.period, 'insert',
          NULL,
          json_object('indicator', NEW.indicator, 'period', NEW.period, 'value', NEW.value, 'numerator', NEW.numerator, 'denominator', NEW.denominator, 'quality', NEW.quality, 'commentary', NEW.commentary, 'action', NEW.action, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version, 'first_entered_at', NEW.first_entered_at)); END;

DROP TRIGGER audit_values_update;
CREATE TRIGGER audit_values_update AFTER UPDATE ON "values"
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'values', NEW.indicator || '|' || NEW.period, 'update',
          json_object('indicator', OLD.indicator, 'period', OLD.period, 'value', OLD.value, 'numerator', OLD.numerator, 'denominator', OLD.denominator, 'quality', OLD.quality, 'commentary', OLD.commentary, 'action', OLD.action, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version, 'first_entered_at', OLD.first_entered_at),
          json_object('indicator', NEW.indicator, 'period', NEW.period, 'value', NEW.value, 'numerator', NEW.numerator, 'denominator', NEW.denominator, 'quality', NEW.quality, 'commentary', NEW.commentary, 'action', NEW.action, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version, 'first_entered_at', NEW.first_entered_at)); END;

DROP TRIGGER audit_values_delete;
CREATE TRIGGER audit_values_delete AFTER DELETE ON "values"
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'values', OLD.indicator || '|' || OLD.period, 'delete',
          json_object('indicator', OLD.indicator, 'period', OLD.period, 'value', OLD.value, 'numerator', OLD.numerator, 'denominator', OLD.denominator, 'quality', OLD.quality, 'commentary', OLD.commentary, 'action', OLD.action, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version, 'first_entered_at', OLD.first_entered_at),
          NULL); END;

-- Every exception keeps its history: each change of a field (status, proposal, decision,
-- board member, due date, meeting, closure) or a note, with who and when. Rows are only
-- ever added. The history of exceptions raised before this migration is read back from
-- the audit log, which has recorded every change of the row: nothing is made up.
CREATE TABLE exception_history (
    id        INTEGER PRIMARY KEY,
    exception INTEGER NOT NULL REFERENCES exceptions (id),
    at        TEXT NOT NULL,               -- UTC 'YYYY-MM-DDTHH:MM:SS.fffZ'
    by        TEXT NOT NULL,               -- login
    field     TEXT NOT NULL,               -- 'raised', a column of exceptions, or 'note'
    old       TEXT NOT NULL DEFAULT '',
    new       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exception_history_exception ON exception_history (exception, id);

INSERT INTO exception_history (exception, at, by, field, old, new)
  SELECT CAST(a.key AS INTEGER), a.at, a.login, 'raised', '', coalesce(json_extract(a.new, '$.figures'), '')
    FROM audit_log a
   WHERE a.tbl = 'exceptions' AND a.op = 'insert'
     AND CAST(a.key AS INTEGER) IN (SELECT id FROM exceptions)
   ORDER BY a.id;
INSERT INTO exception_history (exception, at, by, field, old, new)
  SELECT CAST(a.key AS INTEGER), a.at, a.login, f.field,
         coalesce(json_extract(a.old, '$.' || f.field), ''),
         coalesce(json_extract(a.new, '$.' || f.field), '')
    FROM audit_log a, (SELECT 'status' AS field UNION ALL SELECT 'proposal' UNION ALL SELECT 'decision' UNION ALL SELECT 'board_member' UNION ALL SELECT 'escalation_due' UNION ALL SELECT 'meeting' UNION ALL SELECT 'closed_at') AS f
   WHERE a.tbl = 'exceptions' AND a.op = 'update'
     AND CAST(a.key AS INTEGER) IN (SELECT id FROM exceptions)
     AND json_extract(a.old, '$.' || f.field) IS NOT json_extract(a.new, '$.' || f.field)
   ORDER BY a.id;

CREATE TRIGGER exception_history_no_update BEFORE UPDATE ON exception_history
BEGIN SELECT RAISE(ABORT, 'an exception''s history is append-only'); END;
CREATE TRIGGER exception_history_no_delete BEFORE DELETE ON exception_history
BEGIN SELECT RAISE(ABORT, 'an exception''s history is append-only'); END;

CREATE TRIGGER audit_exception_history_insert AFTER INSERT ON exception_history
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exception_history', NEW.exception || '|' || NEW.id, 'insert',
          NULL,
          json_object('exception', NEW.exception, 'at', NEW.at, 'by', NEW.by, 'field', NEW.field, 'old', NEW.old, 'new', NEW.new)); END;

-- migration 10
-- Case studies are submitted and chosen (issue 24): any officer may add one; the
-- performance team marks those chosen for the annual report. A new one is not chosen
-- until then. Every case study held before this column existed was told in the annual
-- report, so each stays chosen: the triggers are replaced first, so the audit log records
-- that each was marked chosen, and by the migration.
ALTER TABLE case_studies ADD COLUMN selected INTEGER NOT NULL DEFAULT 0 CHECK (selected IN (0, 1));

DROP TRIGGER audit_case_studies_insert;
CREATE TRIGGER audit_case_studies_insert AFTER INSERT ON case_studies
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'case_studies', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'year', NEW.year, 'story', NEW.story, 'selected', NEW.selected)); END;

DROP TRIGGER audit_case_studies_update;
CREATE TRIGGER audit_case_studies_update AFTER UPDATE ON case_studies
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'case_studies', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'year', OLD.year, 'story', OLD.story, 'selected', OLD.selected),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'node', NEW.node, 'service', NEW.service, 'year', NEW.year, 'story', NEW.story, 'selected', NEW.selected)); END;

DROP TRIGGER audit_case_studies_delete;
CREATE TRIGGER audit_case_studies_delete AFTER DELETE ON case_studies
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'case_studies', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'node', OLD.node, 'service', OLD.service, 'year', OLD.year, 'story', OLD.story, 'selected', OLD.selected),
          NULL); END;

UPDATE case_studies SET selected = 1;

-- migration 11
-- Leadership Team approves the figures (issue 24). A sign-off records whose approval it
-- is: `approved_by` the login of the LT member (the signer when an LT member signs off,
-- or the member a performance or admin user names with --approved-by), `approver` how
-- reports name them, as they were named that day ("Jane Mitchell, Chief Executive"), so
-- a signed-off period's reports stay the same bytes after a user is renamed, `approved_on`
-- the day approved (the meeting's, or the sign-off's) and `meeting` LT's meeting, if named.
-- '' and NULL for sign-offs made before this migration, or by the performance team
-- without naming an approver: nothing is made up. A reopening keeps them on record.
ALTER TABLE signoffs ADD COLUMN approved_by TEXT NOT NULL DEFAULT '';
ALTER TABLE signoffs ADD COLUMN approver TEXT NOT NULL DEFAULT '';
ALTER TABLE signoffs ADD COLUMN approved_on TEXT NOT NULL DEFAULT '';
ALTER TABLE signoffs ADD COLUMN meeting INTEGER REFERENCES meetings(id);
ALTER TABLE signoff_reopenings ADD COLUMN approved_by TEXT NOT NULL DEFAULT '';
ALTER TABLE signoff_reopenings ADD COLUMN approver TEXT NOT NULL DEFAULT '';
ALTER TABLE signoff_reopenings ADD COLUMN approved_on TEXT NOT NULL DEFAULT '';
ALTER TABLE signoff_reopenings ADD COLUMN meeting INTEGER REFERENCES meetings(id);

DROP TRIGGER audit_signoffs_insert;
CREATE TRIGGER audit_signoffs_insert AFTER INSERT ON signoffs
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoffs', NEW.period, 'insert',
          NULL,
          json_object('period', NEW.period, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at, 'approved_by', NEW.approved_by, 'approver', NEW.approver, 'approved_on', NEW.approved_on, 'meeting', NEW.meeting)); END;

DROP TRIGGER audit_signoffs_update;
CREATE TRIGGER audit_signoffs_update AFTER UPDATE ON signoffs
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoffs', NEW.period, 'update',
          json_object('period', OLD.period, 'signed_by', OLD.signed_by, 'signed_at', OLD.signed_at, 'approved_by', OLD.approved_by, 'approver', OLD.approver, 'approved_on', OLD.approved_on, 'meeting', OLD.meeting),
          json_object('period', NEW.period, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at, 'approved_by', NEW.approved_by, 'approver', NEW.approver, 'approved_on', NEW.approved_on, 'meeting', NEW.meeting)); END;

DROP TRIGGER audit_signoffs_delete;
CREATE TRIGGER audit_signoffs_delete AFTER DELETE ON signoffs
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoffs', OLD.period, 'delete',
          json_object('period', OLD.period, 'signed_by', OLD.signed_by, 'signed_at', OLD.signed_at, 'approved_by', OLD.approved_by, 'approver', OLD.approver, 'approved_on', OLD.approved_on, 'meeting', OLD.meeting),
          NULL); END;

DROP TRIGGER audit_signoff_reopenings_insert;
CREATE TRIGGER audit_signoff_reopenings_insert AFTER INSERT ON signoff_reopenings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_reopenings', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'period', NEW.period, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at, 'reopened_by', NEW.reopened_by, 'reopened_at', NEW.reopened_at, 'reason', NEW.reason, 'approved_by', NEW.approved_by, 'approver', NEW.approver, 'approved_on', NEW.approved_on, 'meeting', NEW.meeting)); END;

DROP TRIGGER audit_signoff_reopenings_update;
CREATE TRIGGER audit_signoff_reopenings_update AFTER UPDATE ON signoff_reopenings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_reopenings', NEW.id, 'update',
          json_object('id', OLD.id, 'period', OLD.period, 'signed_by', OLD.signed_by, 'signed_at', OLD.signed_at, 'reopened_by', OLD.reopened_by, 'reopened_at', OLD.reopened_at, 'reason', OLD.reason, 'approved_by', OLD.approved_by, 'approver', OLD.approver, 'approved_on', OLD.approved_on, 'meeting', OLD.meeting),
          json_object('id', NEW.id, 'period', NEW.period, 'signed_by', NEW.signed_by, 'signed_at', NEW.signed_at, 'reopened_by', NEW.reopened_by, 'reopened_at', NEW.reopened_at, 'reason', NEW.reason, 'approved_by', NEW.approved_by, 'approver', NEW.approver, 'approved_on', NEW.approved_on, 'meeting', NEW.meeting)); END;

DROP TRIGGER audit_signoff_reopenings_delete;
CREATE TRIGGER audit_signoff_reopenings_delete AFTER DELETE ON signoff_reopenings
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'signoff_reopenings', OLD.id, 'delete',
          json_object('id', OLD.id, 'period', OLD.period, 'signed_by', OLD.signed_by, 'signed_at', OLD.signed_at, 'reopened_by', OLD.reopened_by, 'reopened_at', OLD.reopened_at, 'reason', OLD.reason, 'approved_by', OLD.approved_by, 'approver', OLD.approver, 'approved_on', OLD.approved_on, 'meeting', OLD.meeting),
          NULL); END;

-- migration 12
-- PPG decides; a board decides for itself (issue 24): escalating names the board (any the
-- council has, the Management Board by default), and the board's own outcome is kept apart
-- from PPG's decision. Every exception escalated before this column existed went to the
-- Management Board: the triggers are replaced first, so the audit log records that each
-- was given its board, and by the migration.
ALTER TABLE exceptions ADD COLUMN board TEXT NOT NULL DEFAULT '';
ALTER TABLE exceptions ADD COLUMN outcome TEXT NOT NULL DEFAULT '';

DROP TRIGGER audit_exceptions_insert;
CREATE TRIGGER audit_exceptions_insert AFTER INSERT ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'kind', NEW.kind, 'period', NEW.period, 'subject', NEW.subject, 'service', NEW.service, 'owner', NEW.owner, 'figures', NEW.figures, 'commentary', NEW.commentary, 'meeting', NEW.meeting, 'status', NEW.status, 'proposal', NEW.proposal, 'decision', NEW.decision, 'board_member', NEW.board_member, 'escalation_due', NEW.escalation_due, 'board', NEW.board, 'outcome', NEW.outcome, 'raised_by', NEW.raised_by, 'raised_at', NEW.raised_at, 'closed_at', NEW.closed_at, 'version', NEW.version)); END;

DROP TRIGGER audit_exceptions_update;
CREATE TRIGGER audit_exceptions_update AFTER UPDATE ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', NEW.id, 'update',
          json_object('id', OLD.id, 'kind', OLD.kind, 'period', OLD.period, 'subject', OLD.subject, 'service', OLD.service, 'owner', OLD.owner, 'figures', OLD.figures, 'commentary', OLD.commentary, 'meeting', OLD.meeting, 'status', OLD.status, 'proposal', OLD.proposal, 'decision', OLD.decision, 'board_member', OLD.board_member, 'escalation_due', OLD.escalation_due, 'board', OLD.board, 'outcome', OLD.outcome, 'raised_by', OLD.raised_by, 'raised_at', OLD.raised_at, 'closed_at', OLD.closed_at, 'version', OLD.version),
          json_object('id', NEW.id, 'kind', NEW.kind, 'period', NEW.period, 'subject', NEW.subject, 'service', NEW.service, 'owner', NEW.owner, 'figures', NEW.figures, 'commentary', NEW.commentary, 'meeting', NEW.meeting, 'status', NEW.status, 'proposal', NEW.proposal, 'decision', NEW.decision, 'board_member', NEW.board_member, 'escalation_due', NEW.escalation_due, 'board', NEW.board, 'outcome', NEW.outcome, 'raised_by', NEW.raised_by, 'raised_at', NEW.raised_at, 'closed_at', NEW.closed_at, 'version', NEW.version)); END;

DROP TRIGGER audit_exceptions_delete;
CREATE TRIGGER audit_exceptions_delete AFTER DELETE ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', OLD.id, 'delete',
          json_object('id', OLD.id, 'kind', OLD.kind, 'period', OLD.period, 'subject', OLD.subject, 'service', OLD.service, 'owner', OLD.owner, 'figures', OLD.figures, 'commentary', OLD.commentary, 'meeting', OLD.meeting, 'status', OLD.status, 'proposal', OLD.proposal, 'decision', OLD.decision, 'board_member', OLD.board_member, 'escalation_due', OLD.escalation_due, 'board', OLD.board, 'outcome', OLD.outcome, 'raised_by', OLD.raised_by, 'raised_at', OLD.raised_at, 'closed_at', OLD.closed_at, 'version', OLD.version),
          NULL); END;

UPDATE exceptions SET board = 'MB'
 WHERE status = 'escalated' OR board_member <> ''
    OR id IN (SELECT exception FROM exception_history WHERE field = 'status' AND new = 'escalated');

-- migration 13
-- A meeting's agenda (issue 24): an exception open from a month is the same subject when
-- the quarter (or year) holding that month is raised, so the quarter is linked to it here
-- rather than raised again. An exception's periods are its own and these.
CREATE TABLE exception_periods (
    exception INTEGER NOT NULL REFERENCES exceptions(id),
    period    TEXT NOT NULL,
    PRIMARY KEY (exception, period)
);

-- migration 14
-- A narrative for a quarter or a year (issue 24): the commentary and remedial action
-- Cabinet reads for a monthly indicator's quarter or year, or for a plan node's, written
-- apart from any month's value so a green quarter does not print May's excuse. `subject`
-- says which kind of code it is (an indicator and a plan node may share a code).
CREATE TABLE narratives (
    subject    TEXT NOT NULL CHECK (subject IN ('indicator', 'plan')),
    code       TEXT NOT NULL,
    period     TEXT NOT NULL,
    commentary TEXT NOT NULL DEFAULT '',
    action     TEXT NOT NULL DEFAULT '',
    written_by TEXT NOT NULL,
    written_at TEXT NOT NULL,
    PRIMARY KEY (subject, code, period)
);

CREATE TRIGGER audit_narratives_insert AFTER INSERT ON narratives
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'narratives', NEW.subject || '|' || NEW.code || '|' || NEW.period, 'insert',
          NULL,
          json_object('subject', NEW.subject, 'code', NEW.code, 'period', NEW.period, 'commentary', NEW.commentary, 'action', NEW.action, 'written_by', NEW.written_by, 'written_at', NEW.written_at)); END;

CREATE TRIGGER audit_narratives_update AFTER UPDATE ON narratives
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'narratives', NEW.subject || '|' || NEW.code || '|' || NEW.period, 'update',
          json_object('subject', OLD.subject, 'code', OLD.code, 'period', OLD.period, 'commentary', OLD.commentary, 'action', OLD.action, 'written_by', OLD.written_by, 'written_at', OLD.written_at),
          json_object('subject', NEW.subject, 'code', NEW.code, 'period', NEW.period, 'commentary', NEW.commentary, 'action', NEW.action, 'written_by', NEW.written_by, 'written_at', NEW.written_at)); END;

CREATE TRIGGER audit_narratives_delete AFTER DELETE ON narratives
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'narratives', OLD.subject || '|' || OLD.code || '|' || OLD.period, 'delete',
          json_object('subject', OLD.subject, 'code', OLD.code, 'period', OLD.period, 'commentary', OLD.commentary, 'action', OLD.action, 'written_by', OLD.written_by, 'written_at', OLD.written_at),
          NULL); END;

-- migration 15
-- Requests from Cabinet and Scrutiny (issue 24): a board's request for information or
-- further work, or Scrutiny's recommendation on a quarter's report, is an exception of
-- kind `request`, on the same workflow, history and agendas. Its `board` is the asking
-- board, `figures` the request's text, `escalation_due` the date the answer is due. A
-- board may ask twice about one subject in a month, so a request is not held to one per
-- kind, period and subject as raised exceptions are: that rule becomes an index over the
-- others. The table is rebuilt (SQLite cannot change a CHECK) through a staging copy, the
-- history's and periods' references kept by deferring their check to the commit.
PRAGMA defer_foreign_keys = ON;
CREATE TABLE v14_exceptions AS SELECT * FROM exceptions;
DROP TRIGGER audit_exceptions_insert;
DROP TRIGGER audit_exceptions_update;
DROP TRIGGER audit_exceptions_delete;
DROP TABLE exceptions;
CREATE TABLE exceptions (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('red', 'missing', 'action', 'project', 'milestone',
                                                 'risk', 'risk_review', 'eia', 'missing_update',
                                                 'request')),
    period         TEXT NOT NULL,
    subject        TEXT NOT NULL,          -- indicator, action, project, risk, EIA or plan node code
    service        TEXT NOT NULL DEFAULT '',
    owner          TEXT NOT NULL DEFAULT '',
    figures        TEXT NOT NULL DEFAULT '',  -- what raised it, as shown when raised; a request's text
    commentary     TEXT NOT NULL DEFAULT '',
    meeting        INTEGER REFERENCES meetings(id),
    status         TEXT NOT NULL DEFAULT 'open'
                   CHECK (status IN ('open', 'proposed', 'agreed', 'escalated', 'closed')),
    proposal       TEXT NOT NULL DEFAULT '',
    decision       TEXT NOT NULL DEFAULT '',
    board_member   TEXT NOT NULL DEFAULT '',
    escalation_due TEXT,
    raised_by      TEXT NOT NULL,
    raised_at      TEXT NOT NULL,
    closed_at      TEXT,
    version        INTEGER NOT NULL DEFAULT 1,
    board          TEXT NOT NULL DEFAULT '',
    outcome        TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX exceptions_raised_once ON exceptions (kind, period, subject) WHERE kind <> 'request';
INSERT INTO exceptions (id, kind, period, subject, service, owner, figures, commentary, meeting, status,
                        proposal, decision, board_member, escalation_due, raised_by, raised_at, closed_at,
                        version, board, outcome)
  SELECT id, kind, period, subject, service, owner, figures, commentary, meeting, status,
         proposal, decision, board_member, escalation_due, raised_by, raised_at, closed_at,
         version, board, outcome
    FROM v14_exceptions;
DROP TABLE v14_exceptions;

CREATE TRIGGER audit_exceptions_insert AFTER INSERT ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', NEW.id, 'insert',
          NULL,
          json_object('id', NEW.id, 'kind', NEW.kind, 'period', NEW.period, 'subject', NEW.subject, 'service', NEW.service, 'owner', NEW.owner, 'figures', NEW.figures, 'commentary', NEW.commentary, 'meeting', NEW.meeting, 'status', NEW.status, 'proposal', NEW.proposal, 'decision', NEW.decision, 'board_member', NEW.board_member, 'escalation_due', NEW.escalation_due, 'board', NEW.board, 'outcome', NEW.outcome, 'raised_by', NEW.raised_by, 'raised_at', NEW.raised_at, 'closed_at', NEW.closed_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_exceptions_update AFTER UPDATE ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', NEW.id, 'update',
          json_object('id', OLD.id, 'kind', OLD.kind, 'period', OLD.period, 'subject', OLD.subject, 'service', OLD.service, 'owner', OLD.owner, 'figures', OLD.figures, 'commentary', OLD.commentary, 'meeting', OLD.meeting, 'status', OLD.status, 'proposal', OLD.proposal, 'decision', OLD.decision, 'board_member', OLD.board_member, 'escalation_due', OLD.escalation_due, 'board', OLD.board, 'outcome', OLD.outcome, 'raised_by', OLD.raised_by, 'raised_at', OLD.raised_at, 'closed_at', OLD.closed_at, 'version', OLD.version),
          json_object('id', NEW.id, 'kind', NEW.kind, 'period', NEW.period, 'subject', NEW.subject, 'service', NEW.service, 'owner', NEW.owner, 'figures', NEW.figures, 'commentary', NEW.commentary, 'meeting', NEW.meeting, 'status', NEW.status, 'proposal', NEW.proposal, 'decision', NEW.decision, 'board_member', NEW.board_member, 'escalation_due', NEW.escalation_due, 'board', NEW.board, 'outcome', NEW.outcome, 'raised_by', NEW.raised_by, 'raised_at', NEW.raised_at, 'closed_at', NEW.closed_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_exceptions_delete AFTER DELETE ON exceptions
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'exceptions', OLD.id, 'delete',
          json_object('id', OLD.id, 'kind', OLD.kind, 'period', OLD.period, 'subject', OLD.subject, 'service', OLD.service, 'owner', OLD.owner, 'figures', OLD.figures, 'commentary', OLD.commentary, 'meeting', OLD.meeting, 'status', OLD.status, 'proposal', OLD.proposal, 'decision', OLD.decision, 'board_member', OLD.board_member, 'escalation_due', OLD.escalation_due, 'board', OLD.board, 'outcome', OLD.outcome, 'raised_by', OLD.raised_by, 'raised_at', OLD.raised_at, 'closed_at', OLD.closed_at, 'version', OLD.version),
          NULL); END;

-- migration 16
-- What a measure is (issue 25): an indicator's definition (what is counted and how), kept
-- beside its source and benchmark group, shown by `show`, the detail pane and the report's
-- "About these measures", and audited with the rest of the indicator.
ALTER TABLE indicators ADD COLUMN definition TEXT NOT NULL DEFAULT '';

DROP TRIGGER audit_indicators_insert;
CREATE TRIGGER audit_indicators_insert AFTER INSERT ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', NEW.code, 'insert',
          NULL,
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position, 'collect_from', NEW.collect_from, 'min', NEW.min, 'max', NEW.max, 'cumulative', NEW.cumulative, 'lag', NEW.lag, 'definition', NEW.definition)); END;

DROP TRIGGER audit_indicators_update;
CREATE TRIGGER audit_indicators_update AFTER UPDATE ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', NEW.code, 'update',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position, 'collect_from', OLD.collect_from, 'min', OLD.min, 'max', OLD.max, 'cumulative', OLD.cumulative, 'lag', OLD.lag, 'definition', OLD.definition),
          json_object('code', NEW.code, 'title', NEW.title, 'kind', NEW.kind, 'unit', NEW.unit, 'decimals', NEW.decimals, 'polarity', NEW.polarity, 'frequency', NEW.frequency, 'aggregation', NEW.aggregation, 'owner', NEW.owner, 'rag_rule', NEW.rag_rule, 'source', NEW.source, 'benchmark_group', NEW.benchmark_group, 'position', NEW.position, 'collect_from', NEW.collect_from, 'min', NEW.min, 'max', NEW.max, 'cumulative', NEW.cumulative, 'lag', NEW.lag, 'definition', NEW.definition)); END;

DROP TRIGGER audit_indicators_delete;
CREATE TRIGGER audit_indicators_delete AFTER DELETE ON indicators
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'indicators', OLD.code, 'delete',
          json_object('code', OLD.code, 'title', OLD.title, 'kind', OLD.kind, 'unit', OLD.unit, 'decimals', OLD.decimals, 'polarity', OLD.polarity, 'frequency', OLD.frequency, 'aggregation', OLD.aggregation, 'owner', OLD.owner, 'rag_rule', OLD.rag_rule, 'source', OLD.source, 'benchmark_group', OLD.benchmark_group, 'position', OLD.position, 'collect_from', OLD.collect_from, 'min', OLD.min, 'max', OLD.max, 'cumulative', OLD.cumulative, 'lag', OLD.lag, 'definition', OLD.definition),
          NULL); END;

-- migration 17
-- Display names on every published page (issue 25): a user's job title ("Head of Housing"),
-- printed after the name wherever a published document names them, and their email. Both
-- audited with the rest of the user. What a signed-off period's reports name (logins, names,
-- titles) is frozen with the sign-off's definitions (`signoff_extras.definitions`).
ALTER TABLE users ADD COLUMN title TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';

DROP TRIGGER audit_users_insert;
CREATE TRIGGER audit_users_insert AFTER INSERT ON users
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'users', NEW.login, 'insert',
          NULL,
          json_object('login', NEW.login, 'name', NEW.name, 'role', NEW.role, 'title', NEW.title, 'email', NEW.email)); END;

DROP TRIGGER audit_users_update;
CREATE TRIGGER audit_users_update AFTER UPDATE ON users
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'users', NEW.login, 'update',
          json_object('login', OLD.login, 'name', OLD.name, 'role', OLD.role, 'title', OLD.title, 'email', OLD.email),
          json_object('login', NEW.login, 'name', NEW.name, 'role', NEW.role, 'title', NEW.title, 'email', NEW.email)); END;

DROP TRIGGER audit_users_delete;
CREATE TRIGGER audit_users_delete AFTER DELETE ON users
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'users', OLD.login, 'delete',
          json_object('login', OLD.login, 'name', OLD.name, 'role', OLD.role, 'title', OLD.title, 'email', OLD.email),
          NULL); END;

-- migration 18
-- Risks and opportunities (issue 25): a risk's category may be `opportunity` (Harborough's
-- "Risk and Opportunity Management Framework"), scored alike but listed apart and never
-- counted in the heat map; and a risk's plan may name a major project, so a project keeps
-- its own risk register (`risk_projects`, beside `risk_links` to plan nodes). SQLite
-- cannot change a CHECK, so the register is rebuilt through staging copies: the reviews
-- and links (children) are copied and dropped before the risks, so no cascade deletes a
-- row on the way, and every column, key and audit trigger is made again as it was.
CREATE TABLE v17_risks AS SELECT * FROM risks;
CREATE TABLE v17_risk_links AS SELECT * FROM risk_links;
CREATE TABLE v17_risk_reviews AS SELECT * FROM risk_reviews;
DROP TRIGGER audit_risks_insert;
DROP TRIGGER audit_risks_update;
DROP TRIGGER audit_risks_delete;
DROP TRIGGER audit_risk_links_insert;
DROP TRIGGER audit_risk_links_update;
DROP TRIGGER audit_risk_links_delete;
DROP TRIGGER audit_risk_reviews_insert;
DROP TRIGGER audit_risk_reviews_update;
DROP TRIGGER audit_risk_reviews_delete;
DROP TABLE risk_reviews;
DROP TABLE risk_links;
DROP TABLE risks;

CREATE TABLE risks (
    id                  INTEGER PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    title               TEXT NOT NULL,
    category            TEXT NOT NULL CHECK (category IN ('strategic', 'business', 'operational', 'partnership',
                                                          'opportunity')),
    owner               TEXT NOT NULL DEFAULT '',
    controls            TEXT NOT NULL DEFAULT '',
    inherent_likelihood INTEGER NOT NULL CHECK (inherent_likelihood BETWEEN 1 AND 5),
    inherent_impact     INTEGER NOT NULL CHECK (inherent_impact BETWEEN 1 AND 5),
    target_score        INTEGER NOT NULL CHECK (target_score BETWEEN 1 AND 25),
    review_months       INTEGER NOT NULL DEFAULT 3 CHECK (review_months BETWEEN 1 AND 60),
    closed              TEXT                -- open until this date
);

CREATE TABLE risk_links (
    risk TEXT NOT NULL REFERENCES risks(code) ON UPDATE CASCADE ON DELETE CASCADE,
    node TEXT NOT NULL REFERENCES plan_nodes(code),
    PRIMARY KEY (risk, node)
);

CREATE TABLE risk_reviews (
    risk       TEXT NOT NULL REFERENCES risks(code) ON UPDATE CASCADE ON DELETE CASCADE,
    date       TEXT NOT NULL,
    likelihood INTEGER NOT NULL CHECK (likelihood BETWEEN 1 AND 5),
    impact     INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 5),
    commentary TEXT NOT NULL DEFAULT '',
    entered_by TEXT NOT NULL DEFAULT '',
    entered_at TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (risk, date)
);

INSERT INTO risks (id, code, title, category, owner, controls, inherent_likelihood,
                   inherent_impact, target_score, review_months, closed)
  SELECT id, code, title, category, owner, controls, inherent_likelihood,
         inherent_impact, target_score, review_months, closed
    FROM v17_risks;
INSERT INTO risk_links (risk, node) SELECT risk, node FROM v17_risk_links;
INSERT INTO risk_reviews (risk, date, likelihood, impact, commentary, entered_by, entered_at, version)
  SELECT risk, date, likelihood, impact, commentary, entered_by, entered_at, version
    FROM v17_risk_reviews;
DROP TABLE v17_risks;
DROP TABLE v17_risk_links;
DROP TABLE v17_risk_reviews;

CREATE TRIGGER audit_risks_insert AFTER INSERT ON risks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risks', NEW.code, 'insert',
          NULL,
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'category', NEW.category, 'owner', NEW.owner, 'controls', NEW.controls, 'inherent_likelihood', NEW.inherent_likelihood, 'inherent_impact', NEW.inherent_impact, 'target_score', NEW.target_score, 'review_months', NEW.review_months, 'closed', NEW.closed)); END;

CREATE TRIGGER audit_risks_update AFTER UPDATE ON risks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risks', NEW.code, 'update',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'owner', OLD.owner, 'controls', OLD.controls, 'inherent_likelihood', OLD.inherent_likelihood, 'inherent_impact', OLD.inherent_impact, 'target_score', OLD.target_score, 'review_months', OLD.review_months, 'closed', OLD.closed),
          json_object('id', NEW.id, 'code', NEW.code, 'title', NEW.title, 'category', NEW.category, 'owner', NEW.owner, 'controls', NEW.controls, 'inherent_likelihood', NEW.inherent_likelihood, 'inherent_impact', NEW.inherent_impact, 'target_score', NEW.target_score, 'review_months', NEW.review_months, 'closed', NEW.closed)); END;

CREATE TRIGGER audit_risks_delete AFTER DELETE ON risks
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risks', OLD.code, 'delete',
          json_object('id', OLD.id, 'code', OLD.code, 'title', OLD.title, 'category', OLD.category, 'owner', OLD.owner, 'controls', OLD.controls, 'inherent_likelihood', OLD.inherent_likelihood, 'inherent_impact', OLD.inherent_impact, 'target_score', OLD.target_score, 'review_months', OLD.review_months, 'closed', OLD.closed),
          NULL); END;

CREATE TRIGGER audit_risk_links_insert AFTER INSERT ON risk_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_links', NEW.risk || '|' || NEW.node, 'insert',
          NULL,
          json_object('risk', NEW.risk, 'node', NEW.node)); END;

CREATE TRIGGER audit_risk_links_update AFTER UPDATE ON risk_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_links', NEW.risk || '|' || NEW.node, 'update',
          json_object('risk', OLD.risk, 'node', OLD.node),
          json_object('risk', NEW.risk, 'node', NEW.node)); END;

CREATE TRIGGER audit_risk_links_delete AFTER DELETE ON risk_links
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_links', OLD.risk || '|' || OLD.node, 'delete',
          json_object('risk', OLD.risk, 'node', OLD.node),
          NULL); END;

CREATE TRIGGER audit_risk_reviews_insert AFTER INSERT ON risk_reviews
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_reviews', NEW.risk || '|' || NEW.date, 'insert',
          NULL,
          json_object('risk', NEW.risk, 'date', NEW.date, 'likelihood', NEW.likelihood, 'impact', NEW.impact, 'commentary', NEW.commentary, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_risk_reviews_update AFTER UPDATE ON risk_reviews
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_reviews', NEW.risk || '|' || NEW.date, 'update',
          json_object('risk', OLD.risk, 'date', OLD.date, 'likelihood', OLD.likelihood, 'impact', OLD.impact, 'commentary', OLD.commentary, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          json_object('risk', NEW.risk, 'date', NEW.date, 'likelihood', NEW.likelihood, 'impact', NEW.impact, 'commentary', NEW.commentary, 'entered_by', NEW.entered_by, 'entered_at', NEW.entered_at, 'version', NEW.version)); END;

CREATE TRIGGER audit_risk_reviews_delete AFTER DELETE ON risk_reviews
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_reviews', OLD.risk || '|' || OLD.date, 'delete',
          json_object('risk', OLD.risk, 'date', OLD.date, 'likelihood', OLD.likelihood, 'impact', OLD.impact, 'commentary', OLD.commentary, 'entered_by', OLD.entered_by, 'entered_at', OLD.entered_at, 'version', OLD.version),
          NULL); END;

-- The major projects a risk belongs to (its plan may name a project's code).
CREATE TABLE risk_projects (
    risk    TEXT NOT NULL REFERENCES risks(code) ON UPDATE CASCADE ON DELETE CASCADE,
    project TEXT NOT NULL REFERENCES projects(code) ON UPDATE CASCADE ON DELETE CASCADE,
    PRIMARY KEY (risk, project)
);

CREATE TRIGGER audit_risk_projects_insert AFTER INSERT ON risk_projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_projects', NEW.risk || '|' || NEW.project, 'insert',
          NULL,
          json_object('risk', NEW.risk, 'project', NEW.project)); END;

CREATE TRIGGER audit_risk_projects_update AFTER UPDATE ON risk_projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_projects', NEW.risk || '|' || NEW.project, 'update',
          json_object('risk', OLD.risk, 'project', OLD.project),
          json_object('risk', NEW.risk, 'project', NEW.project)); END;

CREATE TRIGGER audit_risk_projects_delete AFTER DELETE ON risk_projects
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'risk_projects', OLD.risk || '|' || OLD.project, 'delete',
          json_object('risk', OLD.risk, 'project', OLD.project),
          NULL); END;

-- migration 19
-- Targets are proposed, then approved (issue 26): a year rolled forward (`pmdb year
-- roll-forward`) has draft targets until the performance team records the board that
-- approved them; an owner may propose a year's target with a rationale. One row per
-- indicator and year; none means the year's targets are the council's approved ones (as
-- every target imported from a file is). Audited like the targets themselves.
CREATE TABLE target_states (
    indicator   TEXT NOT NULL REFERENCES indicators(code) ON UPDATE CASCADE ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('draft', 'proposed', 'approved')),
    why         TEXT NOT NULL DEFAULT '',   -- the owner's rationale for a proposed target
    proposed_by TEXT NOT NULL DEFAULT '',   -- login
    approved_by TEXT NOT NULL DEFAULT '',   -- the approving board's code
    meeting     INTEGER REFERENCES meetings(id),
    PRIMARY KEY (indicator, year)
);

CREATE TRIGGER audit_target_states_insert AFTER INSERT ON target_states
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'target_states', NEW.indicator || '|' || NEW.year, 'insert',
          NULL,
          json_object('state', NEW.state, 'why', NEW.why, 'proposed_by', NEW.proposed_by, 'approved_by', NEW.approved_by, 'meeting', NEW.meeting)); END;

CREATE TRIGGER audit_target_states_update AFTER UPDATE ON target_states
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'target_states', NEW.indicator || '|' || NEW.year, 'update',
          json_object('state', OLD.state, 'why', OLD.why, 'proposed_by', OLD.proposed_by, 'approved_by', OLD.approved_by, 'meeting', OLD.meeting),
          json_object('state', NEW.state, 'why', NEW.why, 'proposed_by', NEW.proposed_by, 'approved_by', NEW.approved_by, 'meeting', NEW.meeting)); END;

CREATE TRIGGER audit_target_states_delete AFTER DELETE ON target_states
BEGIN INSERT INTO audit_log (login, at, tbl, key, op, old, new)
  VALUES (pmdb_login(), pmdb_now(), 'target_states', OLD.indicator || '|' || OLD.year, 'delete',
          json_object('state', OLD.state, 'why', OLD.why, 'proposed_by', OLD.proposed_by, 'approved_by', OLD.approved_by, 'meeting', OLD.meeting),
          NULL); END;

-- migration 20
-- Reminders that escalate (issue 26): each message `pmdb remind --send` passed to the mail
-- program, so a second run on the same day sends nobody the same step again. One row per
-- person and day; what it said is kept for the record.
CREATE TABLE reminders_sent (
    day      TEXT NOT NULL,                -- YYYY-MM-DD, the run's as-of day
    login    TEXT NOT NULL,
    step     INTEGER NOT NULL,             -- days from the deadline of its latest step
    address  TEXT NOT NULL,
    cc       TEXT NOT NULL DEFAULT '',     -- the addresses copied in, comma-separated
    items    TEXT NOT NULL,                -- JSON: the items it listed
    sent_at  TEXT NOT NULL,
    PRIMARY KEY (day, login)
);

-- migration 21
-- One indicator's frozen statuses read by its code (`pmdb show CODE` reads only what its
-- answer needs, issue 27): the key is (period, indicator), which a look-up by indicator
-- cannot use.
CREATE INDEX signoff_statuses_by_indicator ON signoff_statuses(indicator);
