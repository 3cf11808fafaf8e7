package io.encaisse.orders.intake;

import java.io.Reader;
import java.util.List;
import java.util.function.Consumer;

import io.encaisse.orders.OrderRequest;
import io.encaisse.shared.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Orders read from files, all into {@link OrderRequest}: CSV (one line per order line,
 * lines of one order share its reference), UBL 2.1 Order and UN/EDIFACT ORDERS (D96A and
 * its EANCOM subsets). A file that cannot be read is refused whole, naming its line or
 * element; XML entities and DTDs are refused outright (no XXE, no entity expansion).
 */
public final class OrderFiles {

	public static final int MAX_BYTES = 20 * 1024 * 1024;

	private OrderFiles() {
	}

	/**
	 * {@code customer,reference,item,quantity[,unit_price,currency,requested_delivery,description]};
	 * {@code sku} may stand for {@code item} and {@code external_reference} for
	 * {@code reference} (the spelling of the API contract).
	 */
	public static List<OrderRequest> csv(Reader in) {
		return CsvOrderFile.read(in);
	}

	/**
	 * Streams a CSV: each order is handed over once its last line is read, so a file of
	 * any length is read in little memory. What cannot be read is added to {@code errors}
	 * with its line, and reading goes on.
	 */
	public static void csv(Reader in, Problem.Errors errors, Consumer<OrderRequest> each) {
		CsvOrderFile.read(in, errors, each);
	}

	/** A UBL 2.1 Order: one order. */
	public static List<OrderRequest> ubl(byte[] xml) {
		return UblOrderFile.read(xml);
	}

	/** UN/EDIFACT ORDERS: one order per UNH..UNT message. */
	public static List<OrderRequest> edifact(byte[] bytes) {
		return EdifactOrderFile.read(bytes);
	}

}
