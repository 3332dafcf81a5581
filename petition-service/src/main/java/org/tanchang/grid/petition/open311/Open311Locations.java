package org.tanchang.grid.petition.open311;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.tanchang.grid.platform.geo.GridArea;
import org.tanchang.grid.platform.geo.GridMap;
import org.tanchang.grid.platform.problem.FieldError;

/**
 * The location of a posted request (GeoReport v2, "POST Service Request"): lat and long together, or address_string,
 * or address_id, at least one; the county's own location identifier, {@code attribute[gridCode]}, counts as one too
 * (a window's service is often about a resident, not a spot, and earlier clients send only the grid). The grid is
 * {@code attribute[gridCode]} when named, else the grid whose boundary holds lat/long on the local {@link GridMap}
 * (kept from grid-service's GridChanged events, as incidents are placed). The county keeps no master address
 * repository and no geocoder, so neither address_string nor address_id gives a grid; an address_id alone is refused
 * rather than stored as a location nobody can resolve.
 */
@Component
class Open311Locations {

    private final ObjectProvider<GridMap> grids;

    Open311Locations(ObjectProvider<GridMap> grids) {
        this.grids = grids;
    }

    /** The grid and what is wrong with the location (Open311 parameter names), both from the form. */
    record Placed(String gridCode, List<FieldError> errors) {
    }

    Placed place(MultiValueMap<String, String> form) {
        List<FieldError> errors = new ArrayList<>();
        String lat = blankToNull(form.getFirst("lat"));
        String lon = blankToNull(form.getFirst("long"));
        boolean address = blankToNull(form.getFirst("address_string")) != null;
        boolean addressId = blankToNull(form.getFirst("address_id")) != null;
        String named = blankToNull(form.getFirst("attribute[" + Open311Services.GRID_CODE + "]"));
        if ((lat == null) != (lon == null)) {
            errors.add(new FieldError(lat == null ? "lat" : "long", "is required with "
                    + (lat == null ? "long" : "lat") + ": a position is both"));
        } else if (lat == null && !address && named == null) {
            errors.add(addressId
                    ? new FieldError("address_id", "the county keeps no address repository to resolve it; send "
                            + "lat/long or address_string")
                    : new FieldError("lat/long", "a location is required: lat and long, address_string, or the grid "
                            + "as attribute[" + Open311Services.GRID_CODE + "]"));
        }
        if (named != null || !errors.isEmpty()) {
            return new Placed(named, errors);
        }
        if (lat == null) {
            errors.add(new FieldError("attribute[" + Open311Services.GRID_CODE + "]", "is required without lat/long "
                    + "(an address_string does not find the grid)"));
            return new Placed(null, errors);
        }
        String located = locate(lat, lon);
        if (located == null) {
            errors.add(new FieldError("lat/long", "lie in no grid of the county; check the position or name the grid "
                    + "as attribute[" + Open311Services.GRID_CODE + "]"));
        }
        return new Placed(located, errors);
    }

    /** Null outside every grid (or while the map is not yet fed). */
    private String locate(String lat, String lon) {
        double latitude;
        double longitude;
        try {
            latitude = Double.parseDouble(lat);
            longitude = Double.parseDouble(lon);
        } catch (NumberFormatException e) {
            throw Open311Exception.badRequest("lat/long: must be decimal degrees");
        }
        GridMap map = grids.getIfAvailable();
        return map == null ? null : map.locate(longitude, latitude).map(GridArea::gridCode).orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
