package dev.shopflow.catalog.demo.domain;

import java.util.UUID;

/** A category of the demo catalog; its id is derived from its slug. */
public record DemoCategory(UUID id, String slug, String name) {
}
