-- The console's history of the configuration (issue 6 §3-4): every apply, failed apply, restore and the baseline
-- the console first saw, as a full copy of Mongrel2's config tables (deflated JSON), with who and why, the
-- fingerprint each server computes for it, and what happened when it was applied.
CREATE TABLE IF NOT EXISTS admin_snapshot (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  kind TEXT NOT NULL,
  who TEXT NOT NULL,
  why TEXT,
  model_hash TEXT NOT NULL,
  fingerprints TEXT NOT NULL,
  content BLOB NOT NULL,
  outcome TEXT
);
CREATE INDEX IF NOT EXISTS admin_snapshot_kind ON admin_snapshot (kind, id);
