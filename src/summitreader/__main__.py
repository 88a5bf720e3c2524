from summitreader.cli import main

raise SystemExit(main())
