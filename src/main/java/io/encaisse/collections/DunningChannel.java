package io.encaisse.collections;

/** How a dunning level reaches the customer. */
public enum DunningChannel {

	/** A mail with the invoices due and how to pay. */
	EMAIL,
	/** A letter to print and post (rendered when asked for). */
	LETTER,
	/** A call for a collector: a task, no message to the customer. */
	PHONE,
	/**
	 * The formal notice (mise en demeure): mailed, and a letter to send by registered
	 * post.
	 */
	FORMAL_NOTICE;

	/** Whether the level leaves as a mail. */
	public boolean mailed() {
		return this == EMAIL || this == FORMAL_NOTICE;
	}

}
