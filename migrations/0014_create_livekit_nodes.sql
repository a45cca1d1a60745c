-- The LiveKit nodes of a cluster: each carries `capacity` concurrent sessions; the sum is the bookable capacity.
-- A node out of service (planned `maintenance`, or found down by the health probe) lowers capacity through a
-- maintenance window that belongs to it, so bookings are counted and flagged exactly as for any maintenance.
CREATE TABLE livekit_nodes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 80),
  url text NOT NULL CHECK (length(url) <= 500),
  metrics_url text CHECK (length(metrics_url) <= 500),
  cores integer CHECK (cores BETWEEN 1 AND 1024),
  capacity integer NOT NULL CHECK (capacity BETWEEN 0 AND 100000),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 500),
  -- Planned out of service for this period (the operator's "down for maintenance").
  maintenance tstzrange CHECK (maintenance IS NULL OR (NOT isempty(maintenance) AND lower(maintenance) IS NOT NULL AND upper(maintenance) IS NOT NULL)),
  -- Found down by the probe since then; counted out until `down_until`, which the probe moves on while it stays down.
  down_since timestamptz,
  down_until timestamptz,
  checked_at timestamptz,
  -- The last load the probe read from the node's own metrics: {"rooms": n, "participants": n}.
  load jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((down_since IS NULL) = (down_until IS NULL))
);

ALTER TABLE maintenance_windows
  ADD COLUMN livekit_node_id uuid REFERENCES livekit_nodes (id) ON DELETE CASCADE;
CREATE INDEX maintenance_windows_node_idx ON maintenance_windows (livekit_node_id) WHERE livekit_node_id IS NOT NULL;
