package dev.rapport.datatable;

import dev.rapport.contract.DataTableChange;
import dev.rapport.contract.DataTableChange.Kind;
import dev.rapport.contract.Topics;
import dev.rapport.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;

/** Announces committed changes on 'datatable-changes' through the outbox, in the transaction of the change. */
@ApplicationScoped
public class DataTableChanges {
    private final Outbox outbox;

    DataTableChanges(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rowUpserted(String tableId, String tableName, String key, long version, Map<String, Object> row,
                            String by) {
        publish(DataTableChange.rowRecordKey(tableId, key),
                new DataTableChange(Kind.ROW_UPSERTED, tableId, tableName, key, version, row, null, by, Instant.now()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void rowDeleted(String tableId, String tableName, String key, long version, String by) {
        publish(DataTableChange.rowRecordKey(tableId, key),
                new DataTableChange(Kind.ROW_DELETED, tableId, tableName, key, version, null, null, by, Instant.now()));
    }

    /** @param reason created, updated, deleted or imported (see the event's schema) */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tableChanged(String tableId, String tableName, String reason, String by) {
        publish(tableId,
                new DataTableChange(Kind.TABLE_CHANGED, tableId, tableName, null, null, null, reason, by, Instant.now()));
    }

    private void publish(String key, DataTableChange change) {
        outbox.publish(Topics.DATATABLE_CHANGES, key, change.change().eventType(), change);
    }
}
