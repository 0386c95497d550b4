-- Tells the order streams that an order changed (OrderChanges listens on the channel 'order_changed'), from the
-- database itself: every UPDATE of an order notifies with the order's id, delivered when its transaction commits and
-- never when it rolls back. Before this, the service sent the notification as a statement of its own after each
-- update: one round trip per saga step that the trigger saves (docs/performance.md).
CREATE FUNCTION order_changed_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('order_changed', NEW.id::text);
    RETURN NULL;
END;
$$;

CREATE TRIGGER order_changed AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION order_changed_notify();
