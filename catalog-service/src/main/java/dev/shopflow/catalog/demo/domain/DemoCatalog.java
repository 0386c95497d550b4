package dev.shopflow.catalog.demo.domain;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo catalog: ten categories of eleven items, each item in two variants — {@value #PRODUCT_COUNT} products.
 * Everything is derived from the lists below, so the catalog is the same on every machine: SKUs are the category's
 * prefix and a number ({@code AUD-001}), ids are name-based UUIDs of the SKU ({@link #productId}), prices end in
 * 99, and products were "added" seven hours apart from {@link #FIRST_ADDED} on.
 */
public final class DemoCatalog {

    public static final int PRODUCT_COUNT = 220;
    public static final Instant FIRST_ADDED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration BETWEEN_ADDITIONS = Duration.ofHours(7);

    private static final List<Line> LINES = List.of(
            new Line("audio", "Audio", "AUD",
                    new Variant("Black", "color", "black", 100), new Variant("Sand", "color", "sand", 104),
                    List.of(
                            item("Aria Over-Ear Wireless Headphones", 17900, "Over-ear headphones with active noise "
                                    + "cancelling, 30 hours of battery and a fold-flat design for travel.",
                                    "connectivity", "Bluetooth 5.3", "battery", "30 h"),
                            item("Pulse True Wireless Earbuds", 8900, "In-ear buds with a pocket-sized charging case, "
                                    + "sweat resistance (IPX4) and touch controls.",
                                    "connectivity", "Bluetooth 5.3", "battery", "8 h, 24 h with case"),
                            item("Ember Portable Speaker", 6900, "A rugged little speaker that floats, survives a drop "
                                    + "and plays for 12 hours on a charge.", "waterproof", "IP67"),
                            item("Studio Monitor Headphones", 12900, "Closed-back reference headphones with a flat "
                                    + "response and a detachable coiled cable.", "connectivity", "3.5 mm jack"),
                            item("Halo Smart Speaker", 9900, "Room-filling sound with far-field microphones and "
                                    + "multi-room playback.", "connectivity", "Wi-Fi, Bluetooth"),
                            item("Vinyl Turntable", 24900, "Belt-driven turntable with a built-in phono preamp and an "
                                    + "aluminium platter.", "speeds", "33, 45 rpm"),
                            item("Soundbar 2.1", 29900, "Slim soundbar with a wireless subwoofer, HDMI eARC and "
                                    + "dialogue enhancement.", "connectivity", "HDMI eARC, optical, Bluetooth"),
                            item("Clip-On Lavalier Microphone", 3900, "Omnidirectional lapel microphone for interviews, "
                                    + "vlogs and video calls.", "connectivity", "USB-C, 3.5 mm"),
                            item("USB Podcast Microphone", 11900, "Cardioid condenser microphone with a headphone "
                                    + "output and a gain knob, plug and play over USB-C.", "connectivity", "USB-C"),
                            item("Kids' Volume-Limited Headphones", 2900, "Padded on-ear headphones limited to 85 dB to "
                                    + "protect young ears.", "ages", "3+"),
                            item("Bedside Radio Alarm Clock", 4900, "DAB+ and FM radio with two alarms, a dimmable "
                                    + "display and a USB charging port.", "bands", "DAB+, FM"))),
            new Line("computing", "Computers & Accessories", "COM",
                    new Variant("Graphite", "color", "graphite", 100), new Variant("Silver", "color", "silver", 106),
                    List.of(
                            item("Mechanical Keyboard 75%", 10900, "Hot-swappable switches, PBT keycaps and a gasket "
                                    + "mount for a soft, quiet typing feel.", "layout", "ISO", "switches", "linear"),
                            item("Ergonomic Wireless Mouse", 4900, "Sculpted vertical mouse that keeps the wrist in a "
                                    + "handshake position; up to 70 days per charge.", "connectivity", "Bluetooth, USB receiver"),
                            item("27-inch 4K Monitor", 37900, "IPS panel with 99% sRGB, USB-C with 65 W power delivery "
                                    + "and a height-adjustable stand.", "resolution", "3840 × 2160"),
                            item("USB-C Docking Station", 14900, "Eleven ports from one cable: two displays, Ethernet, "
                                    + "SD card and 100 W charging passthrough.", "ports", "11"),
                            item("Aluminium Laptop Stand", 3900, "Lifts the screen to eye level and folds flat into a "
                                    + "sleeve pocket.", "material", "aluminium"),
                            item("1080p Webcam", 5900, "Full-HD webcam with autofocus, a privacy shutter and dual "
                                    + "stereo microphones.", "resolution", "1920 × 1080"),
                            item("Portable SSD 1 TB", 10900, "Pocket-sized solid state drive with read speeds up to "
                                    + "1,050 MB/s over USB-C.", "capacity", "1 TB"),
                            item("Wireless Presenter", 2900, "Laser pointer and slide clicker with a 30-metre range.",
                                    "range", "30 m"),
                            item("Desk Mat XL", 2400, "Stitched-edge desk mat, 90 × 40 cm, with a water-resistant "
                                    + "surface.", "size", "90 × 40 cm"),
                            item("Noise-Cancelling USB Headset", 6900, "Headset with a boom microphone that filters out "
                                    + "keyboard noise, certified for common call apps.", "connectivity", "USB-A, USB-C"),
                            item("Wi-Fi 6 Mesh Router", 19900, "Two-pack mesh system that covers up to 250 m² with "
                                    + "seamless roaming.", "coverage", "250 m²"))),
            new Line("kitchen", "Kitchen", "KIT",
                    new Variant("Stainless", "finish", "stainless steel", 100),
                    new Variant("Matte Black", "finish", "matte black", 110),
                    List.of(
                            item("Electric Gooseneck Kettle", 7900, "Temperature control to the degree, a hold-warm "
                                    + "mode and a precise pour spout for tea and pour-over.", "capacity", "0.9 l"),
                            item("Chef's Knife 20 cm", 8900, "Forged from high-carbon stainless steel, hand-sharpened to "
                                    + "15° and balanced at the bolster.", "blade", "20 cm"),
                            item("Cast Iron Skillet 26 cm", 4900, "Pre-seasoned skillet that goes from hob to oven to "
                                    + "table.", "diameter", "26 cm"),
                            item("Digital Kitchen Scale", 2900, "Weighs to the gram up to 5 kg, with a tare button and a "
                                    + "wipe-clean glass top.", "maximum", "5 kg"),
                            item("Stand Mixer 5 L", 34900, "Planetary mixing with ten speeds, a dough hook, whisk and "
                                    + "flat beater.", "power", "1000 W"),
                            item("Non-Stick Frying Pan 28 cm", 3900, "PFAS-free ceramic coating on a heavy aluminium "
                                    + "base, suitable for induction.", "diameter", "28 cm"),
                            item("French Press 1 L", 3400, "Double-walled press that keeps coffee hot for an hour.",
                                    "capacity", "1 l"),
                            item("Herb Keeper", 1900, "Keeps fresh herbs crisp for up to three weeks in the fridge."),
                            item("Mixing Bowls, Set of 3", 3200, "Nesting bowls with non-slip bases and pouring lips.",
                                    "pieces", "3"),
                            item("Two-Slice Toaster", 5900, "Extra-wide slots, six browning levels and a bagel "
                                    + "setting.", "power", "900 W"),
                            item("Immersion Blender", 4900, "800 W stick blender with a whisk and a chopper attachment.",
                                    "power", "800 W"))),
            new Line("coffee-tea", "Coffee & Tea", "COF",
                    new Variant("250 g", "weight", "250 g", 100), new Variant("1 kg", "weight", "1 kg", 330),
                    List.of(
                            item("Ethiopia Yirgacheffe Coffee Beans", 1290, "Washed, light roast with notes of jasmine, "
                                    + "bergamot and lemon.", "roast", "light"),
                            item("Colombia Huila Coffee Beans", 1190, "Medium roast with caramel sweetness, red apple "
                                    + "and a round body.", "roast", "medium"),
                            item("Brazil Cerrado Coffee Beans", 990, "Dark chocolate and roasted nuts; a forgiving "
                                    + "espresso.", "roast", "medium-dark"),
                            item("House Espresso Blend", 1090, "Brazil and Guatemala for a thick crema and notes of "
                                    + "cocoa and hazelnut.", "roast", "dark"),
                            item("Decaf Peru Coffee Beans", 1150, "Swiss Water decaffeinated, with milk chocolate and "
                                    + "orange.", "roast", "medium"),
                            item("Kenya AA Coffee Beans", 1490, "Bright and juicy: blackcurrant, grapefruit and a winey "
                                    + "finish.", "roast", "light"),
                            item("Sencha Green Tea", 990, "Steamed Japanese green tea with a fresh, grassy sweetness.",
                                    "origin", "Japan"),
                            item("Assam Breakfast Tea", 790, "Malty, full-bodied black tea that takes milk well.",
                                    "origin", "India"),
                            item("Earl Grey Tea", 890, "Black tea scented with natural bergamot oil.", "origin", "Sri Lanka"),
                            item("Chamomile Herbal Tea", 690, "Whole chamomile flowers, caffeine-free, for the evening.",
                                    "origin", "Egypt"),
                            item("Ceremonial Matcha", 2490, "Stone-ground first-harvest matcha from Uji, bright green and "
                                    + "smooth.", "origin", "Japan"))),
            new Line("home", "Home & Living", "HOM",
                    new Variant("Natural", "color", "natural", 100), new Variant("Charcoal", "color", "charcoal", 100),
                    List.of(
                            item("Linen Duvet Cover, Double", 8900, "Stonewashed European linen that softens with every "
                                    + "wash.", "size", "200 × 200 cm", "material", "linen"),
                            item("Wool Throw Blanket", 6900, "Merino wool throw, 130 × 170 cm, with fringed edges.",
                                    "material", "merino wool"),
                            item("Ceramic Table Lamp", 7900, "Hand-glazed ceramic base with a linen shade and a "
                                    + "warm-white LED bulb included.", "height", "48 cm"),
                            item("Scented Soy Candle", 2200, "Cedarwood and amber, hand-poured, about 45 hours of burn "
                                    + "time.", "burn_time", "45 h"),
                            item("Cotton Bath Towel Set", 4900, "Two bath and two hand towels in 600 g/m² organic "
                                    + "cotton.", "material", "organic cotton"),
                            item("Velvet Cushion Cover", 1900, "45 × 45 cm cushion cover with a hidden zip.",
                                    "size", "45 × 45 cm"),
                            item("Oak Wall Clock", 3900, "Silent sweep movement and a 30 cm oak frame.", "diameter", "30 cm"),
                            item("Seagrass Storage Baskets, Set of 2", 2900, "Woven baskets with handles for shelves and "
                                    + "closets.", "pieces", "2"),
                            item("Blackout Curtains", 5900, "Thermal-lined curtains that block 99% of light; two panels "
                                    + "of 140 × 245 cm.", "size", "140 × 245 cm"),
                            item("Terracotta Plant Pot", 2400, "Pot with a drainage saucer, 20 cm across.",
                                    "diameter", "20 cm"),
                            item("Coir Doormat", 2900, "Hard-wearing coconut-fibre doormat with a rubber backing, "
                                    + "60 × 40 cm.", "size", "60 × 40 cm"))),
            new Line("outdoor", "Outdoor & Camping", "OUT",
                    new Variant("Forest Green", "color", "forest green", 100),
                    new Variant("Slate Blue", "color", "slate blue", 100),
                    List.of(
                            item("Two-Person Backpacking Tent", 22900, "Freestanding tent at 1.6 kg with two doors, two "
                                    + "vestibules and a 3,000 mm fly.", "weight", "1.6 kg", "sleeps", "2"),
                            item("Down Sleeping Bag -5 °C", 18900, "Responsibly sourced 650-fill down with a draft collar "
                                    + "and a compression sack.", "comfort", "-5 °C"),
                            item("Hiking Backpack 40 L", 12900, "Ventilated back panel, hip-belt pockets and a rain "
                                    + "cover in the lid.", "volume", "40 l"),
                            item("Insulated Water Bottle 750 ml", 2900, "Keeps drinks cold for 24 hours or hot for 12; "
                                    + "leak-proof lid.", "volume", "750 ml"),
                            item("Compact Camping Stove", 4900, "Gas stove that boils a litre of water in about four "
                                    + "minutes.", "fuel", "butane/propane"),
                            item("LED Headlamp", 3400, "400 lumens, red night mode and USB-C charging.", "output", "400 lm"),
                            item("Self-Inflating Sleeping Mat", 6900, "5 cm thick, R-value 3.5, rolls down to the size of "
                                    + "a water bottle.", "r_value", "3.5"),
                            item("Trekking Poles, Pair", 5900, "Aluminium poles with cork grips and quick locks.",
                                    "material", "aluminium"),
                            item("Folding Camping Chair", 4400, "Chair with a cup holder that carries 120 kg and packs "
                                    + "into its own bag.", "load", "120 kg"),
                            item("Waterproof Dry Bag 20 L", 1900, "Roll-top dry bag for kayaking, beaches and rainy "
                                    + "hikes.", "volume", "20 l"),
                            item("Hammock with Straps", 3900, "Parachute nylon hammock with tree-friendly straps, set up "
                                    + "in a minute.", "load", "150 kg"))),
            new Line("fitness", "Sports & Fitness", "FIT",
                    new Variant("Black", "color", "black", 100), new Variant("Coral", "color", "coral", 100),
                    List.of(
                            item("Yoga Mat 6 mm", 3900, "Non-slip natural rubber mat with alignment lines, 183 × 61 cm.",
                                    "thickness", "6 mm"),
                            item("Adjustable Dumbbells 2-24 kg", 29900, "Fifteen weights in one pair: turn the dial to "
                                    + "change the load.", "range", "2-24 kg"),
                            item("Resistance Bands, Set of 5", 2400, "Latex bands from extra light to extra heavy, with a "
                                    + "carry bag.", "pieces", "5"),
                            item("Foam Roller", 2900, "Firm foam roller with a textured surface for sore muscles.",
                                    "length", "33 cm"),
                            item("Speed Jump Rope", 1500, "Ball-bearing handles and an adjustable steel cable.",
                                    "length", "3 m"),
                            item("Kettlebell 16 kg", 5900, "Cast iron kettlebell with a wide, powder-coated handle.",
                                    "weight", "16 kg"),
                            item("Running Belt", 1900, "Bounce-free waist belt that holds a phone, keys and gels."),
                            item("Fitness Tracker", 7900, "Heart rate, sleep and step tracking with a seven-day battery.",
                                    "battery", "7 days"),
                            item("Doorway Pull-Up Bar", 3400, "Padded grips and no screws needed.", "load", "130 kg"),
                            item("Gym Duffel Bag 35 L", 4900, "A shoe compartment and a water-resistant base.",
                                    "volume", "35 l"),
                            item("Cycling Gloves", 2400, "Padded fingerless gloves with a terry thumb for wiping sweat."))),
            new Line("clothing", "Clothing", "CLO",
                    new Variant("Size M", "size", "M", 100), new Variant("Size L", "size", "L", 100),
                    List.of(
                            item("Organic Cotton T-Shirt", 2500, "Heavyweight organic cotton tee with a relaxed fit.",
                                    "material", "organic cotton"),
                            item("Merino Crew Sweater", 8900, "Fine-knit merino that regulates temperature and resists "
                                    + "odours.", "material", "merino wool"),
                            item("Hooded Sweatshirt", 5900, "Brushed-back fleece hoodie with a kangaroo pocket.",
                                    "material", "cotton fleece"),
                            item("Packable Rain Jacket", 12900, "Waterproof, breathable shell with taped seams and a "
                                    + "hood that rolls into the collar.", "waterproof", "20,000 mm"),
                            item("Slim Chino Trousers", 6900, "Stretch cotton chinos with a tapered leg.",
                                    "material", "cotton, elastane"),
                            item("Denim Jacket", 8900, "Rigid denim jacket that fades beautifully with wear.",
                                    "material", "denim"),
                            item("Linen Shirt", 5900, "Garment-dyed linen shirt with a button-down collar.",
                                    "material", "linen"),
                            item("Wool Beanie", 2400, "Ribbed wool beanie with a fold-over cuff.", "material", "wool"),
                            item("Running Shorts", 3400, "Lightweight shorts with a built-in liner and a zip pocket.",
                                    "material", "recycled polyester"),
                            item("Puffer Vest", 7900, "Recycled synthetic insulation that stays warm when wet.",
                                    "material", "recycled polyester"),
                            item("Sports Socks, 3 Pairs", 1500, "Cushioned socks with arch support and a seamless toe.",
                                    "pieces", "3"))),
            new Line("books", "Books", "BOO",
                    new Variant("Paperback", "format", "paperback", 100),
                    new Variant("Hardcover", "format", "hardcover", 160),
                    List.of(
                            item("Designing Event-Driven Systems for Humans", 3900, "A practical guide to sagas, outboxes "
                                    + "and idempotent consumers, with diagrams you can draw on a whiteboard.",
                                    "pages", "412"),
                            item("A Field Guide to European Birds", 2400, "Over 500 species with illustrations, range maps "
                                    + "and song descriptions.", "pages", "448"),
                            item("The Weekend Baker", 2200, "Breads, buns and cakes that fit around a Saturday.",
                                    "pages", "256"),
                            item("Small Spaces, Big Gardens", 1900, "Balcony and windowsill gardening through the "
                                    + "seasons.", "pages", "192"),
                            item("Night Trains of Europe", 2100, "Routes, sleeper cars and stories from the rails after "
                                    + "dark.", "pages", "304"),
                            item("The Quiet Mountain", 1600, "A novel about a village, a landslide and the summer "
                                    + "everything changed.", "pages", "368"),
                            item("Mindful Running", 1700, "Training plans and breathing techniques for calmer, longer "
                                    + "runs.", "pages", "224"),
                            item("Coffee: From Seed to Cup", 2900, "How origin, processing, roasting and brewing shape "
                                    + "every cup.", "pages", "288"),
                            item("Learn to Draw in 30 Days", 1900, "Daily exercises from straight lines to portraits.",
                                    "pages", "176"),
                            item("The Atlas of Forgotten Islands", 3400, "Fifty remote islands, their maps and the people "
                                    + "who lived there.", "pages", "240"),
                            item("Stars for Beginners", 1500, "A month-by-month guide to the night sky, no telescope "
                                    + "required.", "pages", "160"))),
            new Line("toys-games", "Toys & Games", "TOY",
                    new Variant("Classic", "edition", "classic", 100), new Variant("Deluxe", "edition", "deluxe", 150),
                    List.of(
                            item("Wooden Building Blocks, 100 Pieces", 3900, "Beech-wood blocks in natural and painted "
                                    + "finishes.", "ages", "2+"),
                            item("Harbour Lights Strategy Game", 4400, "Build trade routes and lighthouses; 2-4 players, "
                                    + "about 60 minutes.", "players", "2-4", "ages", "10+"),
                            item("Alpine Lake Jigsaw Puzzle, 1000 Pieces", 1900, "Thick, matte pieces that fit snugly; "
                                    + "poster included.", "ages", "12+"),
                            item("Remote-Control Off-Road Car", 5900, "1:16 scale, four-wheel drive, 25 km/h, rechargeable "
                                    + "battery.", "ages", "8+"),
                            item("Plush Red Fox", 2200, "Super-soft plush fox, 35 cm, machine washable.", "ages", "0+"),
                            item("Magnetic Tiles, 60 Pieces", 4900, "Translucent magnetic tiles for towers, rockets and "
                                    + "marble runs.", "ages", "3+"),
                            item("Snap Happy Family Card Game", 1200, "Fast, loud and silly; 2-6 players.", "players", "2-6",
                                    "ages", "6+"),
                            item("Crystal Growing Science Kit", 2400, "Grow seven crystals and learn the chemistry behind "
                                    + "them.", "ages", "10+"),
                            item("Wooden Train Set", 5400, "Forty pieces of track with a bridge, a tunnel and three "
                                    + "magnetic carriages.", "ages", "3+"),
                            item("Kids' Art Easel", 6900, "Double-sided easel with a chalkboard, a whiteboard and a paper "
                                    + "roll.", "ages", "3+"),
                            item("Folding Chess Set", 3400, "Weighted wooden pieces in a board that folds into their box.",
                                    "ages", "6+"))));

    private DemoCatalog() {
    }

    /** The ten categories, in the order of their first product. */
    public static List<DemoCategory> categories() {
        return LINES.stream().map(line -> new DemoCategory(categoryId(line.slug), line.slug, line.name)).toList();
    }

    /** The products, by SKU within category; creation times interleave the categories. */
    public static List<DemoProduct> products() {
        List<DemoProduct> products = new ArrayList<>(PRODUCT_COUNT);
        int lines = LINES.size();
        for (int l = 0; l < lines; l++) {
            Line line = LINES.get(l);
            for (int i = 0; i < line.items.size(); i++) {
                Item item = line.items.get(i);
                for (int v = 0; v < line.variants.size(); v++) {
                    Variant variant = line.variants.get(v);
                    int number = i * line.variants.size() + v + 1;
                    String sku = "%s-%03d".formatted(line.skuPrefix, number);
                    Map<String, String> attributes = new HashMap<>(item.attributes);
                    attributes.put(variant.attribute, variant.value);
                    long added = (long) (number - 1) * lines + l;
                    products.add(new DemoProduct(productId(sku), sku, item.name + ", " + variant.label,
                            item.description + " " + capitalised(variant.attribute) + ": " + variant.value + ".",
                            line.slug, price(item.price, variant.pricePercent), attributes,
                            FIRST_ADDED.plus(BETWEEN_ADDITIONS.multipliedBy(added))));
                }
            }
        }
        return List.copyOf(products);
    }

    /** The id of the demo product with this SKU, the same on every machine: a name-based (version 3) UUID. */
    public static UUID productId(String sku) {
        return UUID.nameUUIDFromBytes(("shopflow-demo/product/" + sku).getBytes(StandardCharsets.UTF_8));
    }

    /** The id of the demo category with this slug, derived like {@link #productId}. */
    public static UUID categoryId(String slug) {
        return UUID.nameUUIDFromBytes(("shopflow-demo/category/" + slug).getBytes(StandardCharsets.UTF_8));
    }

    /** The base price scaled for a variant and rounded to a price that ends in 99 (12.99, 178.99). */
    static long price(long base, int percent) {
        long majorUnits = Math.max(1, Math.round(base * percent / 10_000.0));
        return majorUnits * 100 - 1;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static Item item(String name, long price, String description, String... attributes) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            map.put(attributes[i], attributes[i + 1]);
        }
        return new Item(name, price, description, map);
    }

    private record Line(String slug, String name, String skuPrefix, List<Variant> variants, List<Item> items) {

        Line(String slug, String name, String skuPrefix, Variant first, Variant second, List<Item> items) {
            this(slug, name, skuPrefix, List.of(first, second), items);
        }
    }

    private record Variant(String label, String attribute, String value, int pricePercent) {
    }

    private record Item(String name, long price, String description, Map<String, String> attributes) {
    }
}
