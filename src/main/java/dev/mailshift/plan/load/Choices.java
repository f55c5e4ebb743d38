package dev.mailshift.plan.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The plan spelling of an enum's constants: lower case, {@code -} for {@code _}, in order. */
final class Choices {
  private Choices() {}

  static <E extends Enum<E>> Map<String, E> of(Class<E> type) {
    Map<String, E> out = new LinkedHashMap<>();
    for (E e : type.getEnumConstants()) {
      out.put(e.name().toLowerCase(Locale.ROOT).replace('_', '-'), e);
    }
    return Collections.unmodifiableMap(out);
  }
}
