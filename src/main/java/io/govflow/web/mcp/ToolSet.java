package io.govflow.web.mcp;

import java.util.List;

/** The tools of one capability; every bean of this type is served on {@code /mcp}. */
interface ToolSet {

    List<GovflowTool> tools();
}
