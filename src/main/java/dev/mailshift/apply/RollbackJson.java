package dev.mailshift.apply;

import dev.mailshift.dns.RollbackRecord;
import tools.jackson.databind.json.JsonMapper;

/** The journal's form of a DNS rollback record: JSON of strings and numbers, no secret. */
public final class RollbackJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RollbackJson() {}

  public static String write(RollbackRecord record) {
    return JSON.writeValueAsString(record);
  }

  public static RollbackRecord read(String json) {
    return JSON.readValue(json, RollbackRecord.class);
  }
}
