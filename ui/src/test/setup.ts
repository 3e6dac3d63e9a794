//! Shared settings of the UI tests.
import { configure } from "@testing-library/react";

// On a 2-core machine that is also compiling, a render and its answer can take more than
// testing-library's default second; the tests wait for outcomes, never for time, so a
// longer ceiling only matters when something is slow, not when it is wrong.
configure({ asyncUtilTimeout: 5000 });
