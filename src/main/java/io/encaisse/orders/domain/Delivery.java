package io.encaisse.orders.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A delivery (bon de livraison): what left, for which order, on which date. */
@Table("delivery")
public class Delivery {

	@Id
	private final String id;

	private final String orderId;

	private final LocalDate deliveredOn;

	@MappedCollection(idColumn = "delivery_id", keyColumn = "line_index")
	private final List<DeliveryLine> lines;

	@Version
	private Long version;

	private final Instant createdAt;

	@PersistenceCreator
	Delivery(String id, String orderId, LocalDate deliveredOn, List<DeliveryLine> lines, Long version,
			Instant createdAt) {
		this.id = id;
		this.orderId = orderId;
		this.deliveredOn = deliveredOn;
		this.lines = List.copyOf(lines);
		this.version = version;
		this.createdAt = createdAt;
	}

	public static Delivery of(String id, String orderId, LocalDate deliveredOn, List<DeliveryLine> lines, Instant now) {
		return new Delivery(id, orderId, deliveredOn, lines, null, now);
	}

	public String id() {
		return this.id;
	}

	public String orderId() {
		return this.orderId;
	}

	public LocalDate deliveredOn() {
		return this.deliveredOn;
	}

	public List<DeliveryLine> lines() {
		return this.lines;
	}

}
