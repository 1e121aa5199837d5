package org.herdbook.web.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For {@code uuid} columns that may be NULL (an actor that was the system, not a person).
 * EclipseLink's built-in UUID conversion fails on a NULL it reads; the driver already returns
 * {@link UUID}s, so this passes values through and NULL stays null.
 */
@Converter
public class NullableUuid implements AttributeConverter<UUID, UUID> {

    @Override
    public UUID convertToDatabaseColumn(UUID attribute) {
        return attribute;
    }

    @Override
    public UUID convertToEntityAttribute(UUID column) {
        return column;
    }
}
