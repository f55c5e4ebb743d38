package dev.mailshift.plan.load;

import dev.mailshift.plan.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A map entry for a folder an exclude pattern leaves out would be silently unused (exclude wins,
 * even over a map entry): an error, so the plan says one thing. The map and the exclude list that
 * meet may come from different {@code folders:} blocks (plan-wide, {@code accounts.defaults}, the
 * account's own): the error is reported where the more specific of the two is written, names both
 * positions, and names the account (or {@code accounts.defaults}) it holds for. A map entry
 * includes its folder, so include patterns cannot leave it out.
 */
final class MapExcludeCheck {
  /**
   * The folder blocks one account adds to the plan-wide one, lowest first.
   *
   * @param profileName the folder profile the account uses, "" for none ({@code profile} is
   *     then {@link FolderOverrides#NONE})
   */
  record AccountFolders(String id, String where, FolderOverrides defaults, String profileName,
      FolderOverrides profile, FolderOverrides own) {}

  /** One {@code folders:} block: whose it is ("" = plan-wide) and its path in the plan. */
  private record Layer(String owner, String path, FolderOverrides overrides) {}

  private final ReadContext ctx;
  private final Set<String> reported = new HashSet<>();

  MapExcludeCheck(ReadContext ctx) {
    this.ctx = ctx;
  }

  void check(FolderOverrides planWide, List<AccountFolders> accounts) {
    Layer plan = new Layer("", "folders", planWide);
    check(List.of(plan));
    for (AccountFolders a : accounts) {
      List<Layer> layers = new ArrayList<>(List.of(plan, new Layer("accounts.defaults",
          "accounts.defaults.folders", a.defaults())));
      if (!a.profileName().isEmpty()) {
        layers.add(new Layer("folder profile " + a.profileName(),
            "accounts.folder-profiles." + a.profileName(), a.profile()));
      }
      layers.add(new Layer("account " + a.id(), a.where() + ".folders", a.own()));
      check(layers);
    }
  }

  private void check(List<Layer> layers) {
    int mapAt = last(layers, o -> o.map().isPresent());
    int excludeAt = last(layers, o -> o.exclude().isPresent());
    if (mapAt < 0 || excludeAt < 0) {
      return;
    }
    FolderOverrides.MapEntries map = layers.get(mapAt).overrides().map().orElseThrow();
    FolderOverrides.Patterns exclude = layers.get(excludeAt).overrides().exclude().orElseThrow();
    List<Map.Entry<String, Location>> entries = new ArrayList<>(map.locations().entrySet());
    entries.sort(Map.Entry.comparingByValue(Comparator.comparing(Location::file)
        .thenComparingInt(Location::line).thenComparingInt(Location::column)));
    for (Map.Entry<String, Location> entry : entries) {
      for (int i = 0; i < exclude.regexes().size(); i++) {
        String regex = exclude.regexes().get(i);
        if (Pattern.compile(regex).matcher(entry.getKey()).find()) {
          report(layers.get(mapAt), entry, layers.get(excludeAt), regex,
              exclude.locations().get(i), excludeAt > mapAt);
          break;
        }
      }
    }
  }

  private void report(Layer mapLayer, Map.Entry<String, Location> entry, Layer excludeLayer,
      String regex, Location regexAt, boolean excludeMoreSpecific) {
    String source = entry.getKey();
    String fix = "remove the map entry, or narrow the exclude pattern so that it does not match '"
        + source + "'";
    String message;
    Location at;
    if (mapLayer == excludeLayer) {
      at = entry.getValue();
      message = prefix(mapLayer) + mapLayer.path() + ".map entry '" + source + "' is for a folder"
          + " that " + mapLayer.path() + ".exclude pattern '" + regex + "' leaves out (exclude"
          + " wins), so the entry is never used";
    } else {
      Layer owner = excludeMoreSpecific ? excludeLayer : mapLayer;
      at = excludeMoreSpecific ? regexAt : entry.getValue();
      message = prefix(owner) + mapLayer.path() + ".map entry '" + source + "' (at "
          + entry.getValue() + ") is for a folder that " + excludeLayer.path() + ".exclude"
          + " pattern '" + regex + "' (at " + regexAt + ") leaves out (exclude wins), so the"
          + " entry is never used";
      if (owner.owner().startsWith("account ")) {
        fix += ", or give " + owner.owner() + " its own folders.map or folders.exclude";
      }
    }
    if (reported.add(at + "\n" + message)) {
      ctx.error(at, message, fix);
    }
  }

  private static String prefix(Layer layer) {
    return layer.owner().isEmpty() ? "" : layer.owner() + ": ";
  }

  private static int last(List<Layer> layers, Function<FolderOverrides, Boolean> sets) {
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (sets.apply(layers.get(i).overrides())) {
        return i;
      }
    }
    return -1;
  }
}
