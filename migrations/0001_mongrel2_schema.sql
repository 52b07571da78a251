-- Mongrel2's configuration tables, column for column as the C m2sh (tools/m2sh/src/constants.c,
-- CONFIG_SCHEMA) creates them, so a config.sqlite made by either m2sh runs on either server (spec §1,
-- decision 1). Every statement is IF NOT EXISTS: on a database made by an older m2sh the runner keeps every
-- row and then adds whatever columns that database lacks (e.g. server.error_log_level before 1.13).

CREATE TABLE IF NOT EXISTS server (id INTEGER PRIMARY KEY,
    uuid TEXT,
    access_log TEXT,
    error_log TEXT,
    error_log_level INTEGER,
    chroot TEXT DEFAULT '/var/www',
    pid_file TEXT,
    control_port TEXT DEFAULT '',
    default_host TEXT,
    name TEXT DEFAULT '',
    bind_addr TEXT DEFAULT "0.0.0.0",
    port INTEGER,
    use_ssl INTEGER default 0);

CREATE TABLE IF NOT EXISTS host (id INTEGER PRIMARY KEY,
    server_id INTEGER,
    maintenance BOOLEAN DEFAULT 0,
    name TEXT,
    matching TEXT);

CREATE TABLE IF NOT EXISTS handler (id INTEGER PRIMARY KEY,
    send_spec TEXT,
    send_ident TEXT,
    recv_spec TEXT,
    recv_ident TEXT,
    raw_payload INTEGER DEFAULT 0,
    protocol TEXT DEFAULT 'json');

CREATE TABLE IF NOT EXISTS proxy (id INTEGER PRIMARY KEY,
    addr TEXT,
    port INTEGER);

CREATE TABLE IF NOT EXISTS directory (id INTEGER PRIMARY KEY,
    base TEXT,
    index_file TEXT,
    default_ctype TEXT,
    cache_ttl INTEGER DEFAULT 0);

CREATE TABLE IF NOT EXISTS route (id INTEGER PRIMARY KEY,
    path TEXT,
    reversed BOOLEAN DEFAULT 0,
    host_id INTEGER,
    target_id INTEGER,
    target_type TEXT);

CREATE TABLE IF NOT EXISTS setting (id INTEGER PRIMARY KEY, key TEXT, value TEXT);

CREATE TABLE IF NOT EXISTS statistic (id SERIAL,
    other_type TEXT,
    other_id INTEGER,
    name TEXT,
    sum REAL,
    sumsq REAL,
    n INTEGER,
    min REAL,
    max REAL,
    mean REAL,
    sd REAL,
    primary key (other_type, other_id, name));

CREATE TABLE IF NOT EXISTS mimetype (id INTEGER PRIMARY KEY, mimetype TEXT, extension TEXT);

CREATE TABLE IF NOT EXISTS filter (id INTEGER PRIMARY KEY,
    server_id INTEGER,
    name TEXT,
    settings TEXT);

CREATE TABLE IF NOT EXISTS xrequest (id INTEGER PRIMARY KEY,
    server_id INTEGER,
    name TEXT,
    settings TEXT);

CREATE TABLE IF NOT EXISTS log (id INTEGER PRIMARY KEY,
    who TEXT,
    what TEXT,
    location TEXT,
    happened_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
    how TEXT,
    why TEXT);
