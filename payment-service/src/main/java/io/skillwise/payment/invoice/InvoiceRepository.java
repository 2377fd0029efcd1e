package io.skillwise.payment.invoice;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InvoiceRepository {

    public record InvoiceRow(UUID id, UUID orderId, String number, Instant issuedAt) {
    }

    private final JdbcClient jdbc;

    public InvoiceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The next number of the year. The upsert locks the year's row until the transaction ends, so concurrent
     * issues queue up and a rolled-back issue gives its number back: no gaps, no duplicates.
     */
    public int nextSequence(int year) {
        return jdbc.sql("""
                        insert into invoice_sequence (year, last) values (:year, 1)
                        on conflict (year) do update set last = invoice_sequence.last + 1
                        returning last""")
                .param("year", year).query(Integer.class).single();
    }

    public void insert(InvoiceRow invoice) {
        jdbc.sql("insert into invoice (id, order_id, number, issued_at) values (:id, :order, :number, :at)")
                .param("id", invoice.id()).param("order", invoice.orderId()).param("number", invoice.number())
                .param("at", Timestamp.from(invoice.issuedAt())).update();
    }

    public Optional<InvoiceRow> find(UUID id) {
        return jdbc.sql("select * from invoice where id = :id").param("id", id).query(InvoiceRepository::map)
                .optional();
    }

    public Optional<InvoiceRow> findByOrder(UUID orderId) {
        return jdbc.sql("select * from invoice where order_id = :order").param("order", orderId)
                .query(InvoiceRepository::map).optional();
    }

    private static InvoiceRow map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new InvoiceRow(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getString("number"), rs.getTimestamp("issued_at").toInstant());
    }
}
