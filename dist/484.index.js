"use strict";
exports.id = 484;
exports.ids = [484];
exports.modules = {

/***/ 9484:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionsIO: () => (/* binding */ actionsIO)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7702);
/* harmony import */ var _io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3152);
/**
 * The action's IO through the @actions/core package itself. `run()` loads it when no IO is given: a local client
 * such as @github/local-action, which stands in for '@actions/core', runs the action this way. The bundle (dist/)
 * passes the lean IO of actions-core.ts instead, which loads only @actions/core's command modules.
 */


const actionsIO = (0,_io_js__WEBPACK_IMPORTED_MODULE_1__/* .coreIO */ .I)(_actions_core__WEBPACK_IMPORTED_MODULE_0__);


/***/ })

};
;