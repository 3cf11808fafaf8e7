package io.encaisse.invoicing;

import java.util.List;

/** A credit note: by lines and quantities, by amount, or (neither) the whole invoice. */
public record CreditNoteRequest(String reason, List<LineInput> lines, String amount) {

	public record LineInput(Integer lineNumber, String quantity) {
	}

}
