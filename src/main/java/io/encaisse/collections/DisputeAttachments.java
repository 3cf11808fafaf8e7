package io.encaisse.collections;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import io.encaisse.shared.AuditTrail;
import io.encaisse.shared.Ids;
import io.encaisse.shared.Problem;
import io.encaisse.shared.Today;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to a dispute (a delivery note, a photo, a purchase order): PDF, PNG or
 * JPEG, up to 5 MB each and 10 per dispute, checked by their first bytes, kept as sent.
 */
@Service
@Transactional(readOnly = true)
public class DisputeAttachments {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	static final int MAX_PER_DISPUTE = 10;

	private static final Set<String> TYPES = Set.of("application/pdf", "image/png", "image/jpeg");

	private final JdbcClient jdbc;

	private final Disputes disputes;

	private final AuditTrail audit;

	private final Today today;

	DisputeAttachments(JdbcClient jdbc, Disputes disputes, AuditTrail audit, Today today) {
		this.jdbc = jdbc;
		this.disputes = disputes;
		this.audit = audit;
		this.today = today;
	}

	public record Attachment(String id, String disputeId, String filename, String contentType, int sizeBytes,
			String addedBy, Instant addedAt) {
	}

	public record Content(Attachment attachment, byte[] bytes) {
	}

	@Transactional
	public Attachment attach(String disputeId, String filename, byte[] bytes) {
		Disputes.Dispute dispute = this.disputes.get(disputeId);
		String type = check(bytes);
		if (list(disputeId).size() >= MAX_PER_DISPUTE) {
			throw new Problem.StateConflict("a dispute holds at most " + MAX_PER_DISPUTE + " files");
		}
		String name = filename == null || filename.isBlank() ? "file" : filename.strip();
		name = name.replaceAll("[\\\\/\\r\\n\"]", "_");
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		String id = Ids.next("dat");
		this.jdbc.sql("""
				insert into dispute_attachment (id, dispute_id, filename, content_type, size_bytes, content, added_by,
				  added_at) values (:id, :d, :f, :t, :s, :c, :by, :at)""")
			.param("id", id)
			.param("d", dispute.id())
			.param("f", name)
			.param("t", type)
			.param("s", bytes.length)
			.param("c", bytes)
			.param("by", AuditTrail.currentActor())
			.param("at", this.today.instant().atOffset(ZoneOffset.UTC))
			.update();
		this.audit.record(Disputes.DOCUMENT, disputeId, "file attached",
				AuditTrail.changes("file", name, "bytes", bytes.length));
		return list(disputeId).stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
	}

	/**
	 * Opens a dispute with its file (none: without), all or nothing: a file refused opens
	 * no dispute.
	 */
	@Transactional
	public Disputes.Dispute open(String invoiceId, Disputes.Input input, String filename, byte[] bytes) {
		if (bytes != null) {
			check(bytes);
		}
		Disputes.Dispute dispute = this.disputes.open(invoiceId, input);
		if (bytes != null) {
			attach(dispute.id(), filename, bytes);
		}
		return dispute;
	}

	public List<Attachment> list(String disputeId) {
		return ofAll(List.of(disputeId)).getOrDefault(disputeId, List.of());
	}

	/** The files of several disputes in one read, by dispute. */
	public java.util.Map<String, List<Attachment>> ofAll(List<String> disputeIds) {
		java.util.Map<String, List<Attachment>> all = new java.util.HashMap<>();
		if (disputeIds.isEmpty()) {
			return all;
		}
		this.jdbc.sql("""
				select id, dispute_id, filename, content_type, size_bytes, added_by, added_at from dispute_attachment
				where dispute_id in (:d) order by added_at, id""")
			.param("d", disputeIds)
			.query((rs, n) -> all.computeIfAbsent(rs.getString(2), k -> new java.util.ArrayList<>())
				.add(new Attachment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
						rs.getString(6), rs.getTimestamp(7).toInstant())))
			.list();
		return all;
	}

	public Content get(String disputeId, String id) {
		Attachment attachment = list(disputeId).stream()
			.filter(a -> a.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new Problem.NotFound("attachment", id));
		byte[] bytes = this.jdbc.sql("select content from dispute_attachment where id = :id")
			.param("id", id)
			.query((rs, n) -> rs.getBytes(1))
			.single();
		return new Content(attachment, bytes);
	}

	/**
	 * The file's type if it is one a dispute takes; else refused, naming {@code file}.
	 */
	static String check(byte[] bytes) {
		if (bytes == null || bytes.length == 0) {
			throw new Problem.Invalid("file", "is empty");
		}
		if (bytes.length > MAX_BYTES) {
			throw new Problem.Invalid("file", "must not exceed 5 MB");
		}
		String type = sniff(bytes);
		if (type == null || !TYPES.contains(type)) {
			throw new Problem.Invalid("file", "must be a PDF, PNG or JPEG file");
		}
		return type;
	}

	/** The type the file's first bytes say, whatever its name or the sender claims. */
	static String sniff(byte[] bytes) {
		if (bytes.length >= 5 && new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("%PDF-")) {
			return "application/pdf";
		}
		if (bytes.length >= 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
			return "image/png";
		}
		if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
			return "image/jpeg";
		}
		return null;
	}

}
