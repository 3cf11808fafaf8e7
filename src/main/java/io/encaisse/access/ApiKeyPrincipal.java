package io.encaisse.access;

import io.encaisse.shared.ActingPrincipal;

/**
 * An API key acting: read as {@code key:<name>}, known by {@code key:<id>} (two keys may
 * share a name, never an id).
 */
record ApiKeyPrincipal(String keyId, String keyName) implements ActingPrincipal {

	@Override
	public String getName() {
		return "key:" + this.keyName;
	}

	@Override
	public String actorId() {
		return "key:" + this.keyId;
	}

	@Override
	public String toString() {
		return getName();
	}

}
