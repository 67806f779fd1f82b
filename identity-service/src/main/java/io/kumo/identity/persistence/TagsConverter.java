package io.kumo.identity.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** Tags kept in one column, comma-separated: Keystone forbids commas in tags. */
@Converter
class TagsConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> tags) {
        return tags == null || tags.isEmpty() ? null : String.join(",", new TreeSet<>(tags));
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        return column == null || column.isEmpty() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(column.split(",")));
    }
}
