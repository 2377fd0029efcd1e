package io.skillwise.payment.invoice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class CreditNoteRepository {

    /** What a refund took back from one invoiced line, positive as stored. */
    record CreditedLine(UUID courseId, String description, long amount) {
    }

    record CreditNoteRow(UUID id, String number, UUID invoiceId, UUID refundId, long amount, String currency,
                         List<CreditedLine> lines, String reason, Instant issuedAt) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    CreditNoteRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(CreditNoteRow note) {
        jdbc.sql("""
                        insert into credit_note (id, number, invoice_id, refund_id, amount, currency, lines, reason,
                            issued_at)
                        values (:id, :number, :invoice, :refund, :amount, :currency, cast(:lines as jsonb), :reason,
                            :at)""")
                .param("id", note.id()).param("number", note.number()).param("invoice", note.invoiceId())
                .param("refund", note.refundId()).param("amount", note.amount()).param("currency", note.currency())
                .param("lines", json.writeValueAsString(note.lines())).param("reason", note.reason())
                .param("at", Timestamp.from(note.issuedAt()))
                .update();
    }

    Optional<CreditNoteRow> find(UUID id) {
        return jdbc.sql("select * from credit_note where id = :id").param("id", id).query(this::map).optional();
    }

    Optional<CreditNoteRow> findByRefund(UUID refundId) {
        return jdbc.sql("select * from credit_note where refund_id = :refund").param("refund", refundId)
                .query(this::map).optional();
    }

    List<CreditNoteRow> byInvoice(UUID invoiceId) {
        return jdbc.sql("select * from credit_note where invoice_id = :invoice order by issued_at, number")
                .param("invoice", invoiceId).query(this::map).list();
    }

    /** The credit notes of each of these invoices that has any, oldest first. */
    Map<UUID, List<CreditNoteRow>> byInvoices(Collection<UUID> invoiceIds) {
        Map<UUID, List<CreditNoteRow>> notes = new HashMap<>();
        if (invoiceIds.isEmpty()) {
            return notes;
        }
        jdbc.sql("select * from credit_note where invoice_id in (:invoices) order by issued_at, number")
                .param("invoices", invoiceIds).query(this::map).list()
                .forEach(note -> notes.computeIfAbsent(note.invoiceId(), id -> new java.util.ArrayList<>()).add(note));
        return notes;
    }

    private CreditNoteRow map(ResultSet rs, int row) throws SQLException {
        return new CreditNoteRow(rs.getObject("id", UUID.class), rs.getString("number"),
                rs.getObject("invoice_id", UUID.class), rs.getObject("refund_id", UUID.class), rs.getLong("amount"),
                rs.getString("currency"), json.readValue(rs.getString("lines"),
                        new TypeReference<List<CreditedLine>>() { }),
                rs.getString("reason"), rs.getTimestamp("issued_at").toInstant());
    }
}
